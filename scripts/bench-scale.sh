#!/usr/bin/env bash
# Scale benchmark: time, peak memory and store size of the main job as the input grows.
# For each size N (default "100000 1000000"), an OQMD-like table of N distinct compositions is
# generated from the real OQMD and MP tables (scripts/scale/make-oqmd-like.py, cached in WORK),
# then the whole commands a user runs are measured, each in its own process:
#   ingest oqmd → store;  clean (oqmd-mp-formation curation spec);  release (a spec over the
#   generated file, --store: the store just filled);  hull (the store, every chemical system).
# Prints a Markdown table: step, rows, wall seconds, peak RSS (MiB), store MiB, bytes per row.
# Env: CURATE (binary, default .build/release/curate), WORK (scratch folder, default a temp dir),
#      SIZES ("100000 1000000 10000000"), STEPS ("ingest clean release hull").
set -euo pipefail
cd "$(dirname "$0")/.."
curate=${CURATE:-.build/release/curate}
work=${WORK:-$(mktemp -d)}
sizes=${SIZES:-"100000 1000000"}
steps=${STEPS:-"ingest clean release hull"}
mkdir -p "$work"
[ -x "$curate" ] || { echo "error: $curate not built (run ./scripts/setup.sh or set CURATE)" >&2; exit 1; }
measure() { # label rows command...
    local label=$1 rows=$2; shift 2
    local log="$work/time-$label-$rows.txt"
    /usr/bin/time -v "$@" > "$work/out-$label-$rows.txt" 2> "$log" || { echo "error: $label at $rows rows failed; see $log" >&2; tail -5 "$log" >&2; exit 1; }
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    local size=0 per=0
    if [ -f "$work/store-$rows.sqlite" ]; then
        size=$(stat -c %s "$work/store-$rows.sqlite")
        per=$((size / rows))
    fi
    printf '| %s | %s | %.2f | %s | %.1f | %s |\n' "$label" "$rows" "$wall" "$rss" "$(echo "$size / 1048576" | bc -l)" "$per"
}
echo "| step | rows | wall (s) | peak RSS (MiB) | store (MiB) | store bytes/row |"
echo "|---|---:|---:|---:|---:|---:|"
for rows in $sizes; do
    input="$work/oqmd-like-$rows.csv"
    [ -f "$input" ] || python3 scripts/scale/make-oqmd-like.py "$rows" "$input" --seed 0 >&2
    store="$work/store-$rows.sqlite"
    rm -f "$store" "$store"-wal "$store"-shm
    spec="$work/oqmd-like-$rows.dataset.json"
    cp datasets/oqmd-mp-formation.curation.json "$work/"
    cat > "$spec" <<JSON
{
  "name": "oqmd-like-$rows",
  "description": "Scale benchmark: $rows OQMD-like rows.",
  "sources": [ { "kind": "oqmd", "path": "oqmd-like-$rows.csv", "name": "oqmd-like-$rows" } ],
  "curation": "oqmd-mp-formation.curation.json",
  "target": { "property": "formation_energy_per_atom", "unit": "eV/atom" },
  "representation": "composition",
  "split": { "strategy": "random", "fractions": { "train": 0.8, "validation": 0.1, "test": 0.1 } },
  "seed": 2020
}
JSON
    for step in $steps; do
        case $step in
            ingest) measure ingest "$rows" "$curate" ingest oqmd "$input" --name "oqmd-like-$rows" --store "$store" ;;
            clean) measure clean "$rows" "$curate" clean datasets/oqmd-mp-formation.curation.json --store "$store" ;;
            release) rm -rf "$work/release-$rows"; measure release "$rows" "$curate" release "$spec" --version 1.0.0 --store "$store" --out "$work/release-$rows" ;;
            hull) measure hull "$rows" "$curate" hull --store "$store" --correction unrecorded --dry-run ;;
            *) echo "error: unknown step $step" >&2; exit 2 ;;
        esac
    done
done
echo "(inputs and logs in $work)" >&2
