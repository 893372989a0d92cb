#!/usr/bin/env bash
# Parquet export benchmark: one OQMD-like table of ROWS distinct compositions
# (scripts/scale/make-oqmd-like.py, ingested once into a store) released with and without
# `"exports": ["parquet"]`, ROUNDS times each, alternating. Reports:
#   - release wall seconds both ways (the difference is the Parquet export: encoding, hashing,
#     writing), and the export's throughput in MB/s of Parquet written;
#   - bytes of records.csv against the Parquet files of all splits (raw and gzip -6);
#   - seconds pyarrow and DuckDB take to read the Parquet files against pyarrow reading
#     records.csv (pyarrow.csv), best of 3.
# Env: CURATE (default .build/release/curate), WORK (scratch folder, default a temp dir),
#      ROWS (default 1000000), ROUNDS (default 2). Needs: pip install pyarrow duckdb
set -euo pipefail
cd "$(dirname "$0")/.."
curate=${CURATE:-.build/release/curate}
work=${WORK:-$(mktemp -d)}
rows=${ROWS:-1000000}
rounds=${ROUNDS:-2}
[ -x "$curate" ] || { echo "error: $curate not built (run ./scripts/setup.sh or set CURATE)" >&2; exit 1; }
python3 -c "import pyarrow, duckdb" || { echo "error: pip install pyarrow duckdb" >&2; exit 1; }
mkdir -p "$work"
input=$work/oqmd-like-$rows.csv
[ -f "$input" ] || python3 scripts/scale/make-oqmd-like.py "$rows" "$input" --seed 0 >&2
store=$work/store-$rows.sqlite
[ -f "$store" ] || "$curate" ingest oqmd "$input" --name "oqmd-like-$rows" --store "$store" >/dev/null
cp datasets/oqmd-mp-formation.curation.json "$work/"
for variant in csv parquet; do
    exports=""
    [ "$variant" = parquet ] && exports=', "exports": ["parquet"]'
    cat > "$work/$variant.dataset.json" <<JSON
{
  "name": "oqmd-like-$rows", "description": "Parquet benchmark: $rows OQMD-like rows.",
  "sources": [ { "kind": "oqmd", "path": "oqmd-like-$rows.csv", "name": "oqmd-like-$rows" } ],
  "curation": "oqmd-mp-formation.curation.json",
  "target": { "property": "formation_energy_per_atom", "unit": "eV/atom" },
  "representation": "composition",
  "split": { "strategy": "random", "fractions": { "train": 0.8, "validation": 0.1, "test": 0.1 } },
  "seed": 2020$exports
}
JSON
done
declare -A best
for round in $(seq "$rounds"); do
    for variant in csv parquet; do
        rm -rf "$work/release-$variant"
        start=$(date +%s.%N)
        "$curate" release "$work/$variant.dataset.json" --version 1.0.0 --store "$store" --out "$work/release-$variant" >/dev/null
        seconds=$(echo "$(date +%s.%N) - $start" | bc -l)
        echo "round $round $variant: $seconds s" >&2
        if [ -z "${best[$variant]:-}" ] || (( $(echo "$seconds < ${best[$variant]}" | bc -l) )); then best[$variant]=$seconds; fi
    done
done
release=$work/release-parquet
python3 - "$release" "${best[csv]}" "${best[parquet]}" <<'PY'
import gzip, json, os, sys, time
import duckdb, pyarrow.csv as pacsv, pyarrow.parquet as pq
release, csv_s, parquet_s = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
manifest = json.load(open(os.path.join(release, "manifest.json")))
parquet = [os.path.join(release, f["path"]) for f in manifest["files"] if f["path"].startswith("exports/parquet/")]
records = os.path.join(release, "records.csv")
def size(paths): return sum(os.path.getsize(p) for p in paths)
def gz(paths): return sum(len(gzip.compress(open(p, "rb").read(), 6)) for p in paths)
def best(f):
    times = []
    for _ in range(3):
        t = time.perf_counter(); f(); times.append(time.perf_counter() - t)
    return min(times)
con = duckdb.connect()
read_csv = best(lambda: pacsv.read_csv(records))
read_pq = best(lambda: [pq.read_table(p) for p in parquet])
read_duck = best(lambda: [con.execute("SELECT * FROM read_parquet(?)", [p]).fetchall() for p in parquet])
export = parquet_s - csv_s
print(f"| records | {manifest['records']:,} |")
print(f"| release without Parquet (s, best of rounds) | {csv_s:.2f} |")
print(f"| release with Parquet (s) | {parquet_s:.2f} |")
print(f"| Parquet export (s, difference) | {export:.2f} ({size(parquet) / 1e6 / export:.0f} MB/s)" + " |" if export > 0 else f"| Parquet export (s, difference) | {export:.2f} (within noise) |")
print(f"| records.csv (MB, gzip -6) | {size([records]) / 1e6:.1f} ({gz([records]) / 1e6:.1f}) |")
print(f"| Parquet, all splits (MB, gzip -6) | {size(parquet) / 1e6:.1f} ({gz(parquet) / 1e6:.1f}) |")
print(f"| read records.csv, pyarrow.csv (s) | {read_csv:.2f} |")
print(f"| read Parquet, pyarrow (s) | {read_pq:.2f} |")
print(f"| read Parquet, DuckDB fetchall (s) | {read_duck:.2f} |")
PY
echo "(inputs and releases in $work)" >&2
