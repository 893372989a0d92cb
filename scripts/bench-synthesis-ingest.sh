#!/usr/bin/env bash
# Side-by-side synthesis ingest timing: `curate ingest synthesis FILE --store fresh.sqlite`
# (release build) against scripts/bench_python_synthesis_ingest.py (json.load + pymatgen
# Composition of every target/precursor + sqlite3 inserts), interleaved for ROUNDS rounds
# (default 3). Prints the median times, MB/s of decompressed JSON, the ratio per round and the
# load average. Env: CURATE (binary; default the release build), FILE (default the 2019 release),
# BASELINE (optional second curate binary, e.g. an older build, timed in the same rounds).
# Needs: pip install pymatgen
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}
file=${FILE:-../shared/data/synthesis/solid-state_dataset_2019-12-03.json.xz}
if [ -z "${CURATE:-}" ]; then swift build -c release --product curate >/dev/null; CURATE=.build/release/curate; fi
out=$(mktemp -d)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
    start=$(date +%s.%N)
    "$CURATE" ingest synthesis "$file" --store "$out/curate-$round.sqlite" > "$out/curate-$round.log"
    end=$(date +%s.%N)
    echo "$end - $start" | bc > "$out/curate-$round.time"
    if [ -n "${BASELINE:-}" ]; then
        start=$(date +%s.%N)
        "$BASELINE" ingest synthesis "$file" --store "$out/baseline-$round.sqlite" > /dev/null
        end=$(date +%s.%N)
        echo "baseline round $round: $(echo "$end - $start" | bc) s"
    fi
    python3 scripts/bench_python_synthesis_ingest.py "$file" "$out/py-$round.sqlite" > "$out/py-$round.json"
    echo "round $round: curate $(cat "$out/curate-$round.time") s, python $(python3 -c "import json;print(round(json.load(open('$out/py-$round.json'))['seconds'],2))") s, load $(cut -d' ' -f1 /proc/loadavg)"
done
python3 - "$out" "$rounds" <<'PY'
import json, sys, pathlib, statistics
out, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
c = [float((out / f"curate-{r}.time").read_text()) for r in range(1, rounds + 1)]
p = [json.loads((out / f"py-{r}.json").read_text())["seconds"] for r in range(1, rounds + 1)]
mb = json.loads((out / "py-1.json").read_text())["json_bytes"] / 1e6
ratios = sorted(pp / cc for cc, pp in zip(c, p))
print("| task | curate (s) | python anchor (s) | curate MB/s | ratio (anchor ÷ curate, per round) |")
print("|---|---|---|---|---|")
print(f"| ingest synthesis ({mb:.1f} MB JSON) | {statistics.median(c):.2f} | {statistics.median(p):.2f} | "
      f"{mb / statistics.median(c):.1f} | {ratios[len(ratios) // 2]:.2f}× ({ratios[0]:.2f}–{ratios[-1]:.2f}) |")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out"
