#!/usr/bin/env bash
# Scale benchmark for structures: time, peak memory and store size of `curate ingest structures`
# as the number of structures grows. For each size N (default "20000 100000 1000000") an
# MP-20-like CSV of N structures is generated from the real MP CIFs with substituted elements and
# perturbed cells (scripts/scale/make-structures.py, cached in WORK), then ingested into a new
# store in its own process (every row parsed, spglib at MP tolerances, protostructure label).
# Prints a Markdown table: rows, wall seconds, structures/s, peak RSS (MiB), store MiB, bytes per row.
# Env: CURATE (binary, default .build/release/curate), WORK (scratch folder, default a temp dir),
#      SIZES ("20000 100000 1000000").
set -euo pipefail
cd "$(dirname "$0")/.."
curate=${CURATE:-.build/release/curate}
work=${WORK:-$(mktemp -d)}
sizes=${SIZES:-"20000 100000 1000000"}
mkdir -p "$work"
[ -x "$curate" ] || { echo "error: $curate not built (run ./scripts/setup.sh or set CURATE)" >&2; exit 1; }
echo "| structures | wall (s) | structures/s | peak RSS (MiB) | store (MiB) | store bytes/row | quarantined |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for rows in $sizes; do
    input="$work/structures-$rows.csv.gz"
    [ -f "$input" ] || python3 scripts/scale/make-structures.py "$rows" "$input" --seed 0 >&2
    store="$work/structures-$rows.sqlite"
    rm -f "$store" "$store"-wal "$store"-shm
    log="$work/time-structures-$rows.txt"
    /usr/bin/time -v "$curate" ingest structures "$input" --store "$store" --json > "$work/out-structures-$rows.json" 2> "$log" \
        || { echo "error: ingest of $rows structures failed; see $log" >&2; tail -5 "$log" >&2; exit 1; }
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    size=$(stat -c %s "$store")
    quarantined=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['quarantined'])" "$work/out-structures-$rows.json")
    printf '| %s | %.1f | %.0f | %s | %.1f | %s | %s |\n' "$rows" "$wall" "$(echo "$rows / $wall" | bc -l)" "$rss" \
        "$(echo "$size / 1048576" | bc -l)" "$((size / rows))" "$quarantined"
done
