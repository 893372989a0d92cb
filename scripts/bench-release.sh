#!/usr/bin/env bash
# Side-by-side release timing, one run: `curate release --dry-run` (release build; ingest into a
# fresh in-memory store, curation, split, every file rendered and hashed, leakage report) against
# scripts/bench_python_release.py (pandas + pymatgen doing the same curation and split, writing
# fewer files). Interleaved in ROUNDS rounds (default 3); prints a Markdown table of the median
# round and the range. Env: SCRATCH (swift build folder, .build). Needs: pip install pymatgen pandas
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-3}
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" >/dev/null
out=$(mktemp -d)
for round in $(seq 1 "$rounds"); do
    for spec in supercon:supercon-tc oqmd:oqmd-formation; do
        short=${spec%%:*}; name=${spec##*:}
        start=$(date +%s.%N)
        "$scratch"/release/curate release "datasets/$name.dataset.json" --version 1.0.0 --dry-run --json > "$out/curate-$short-$round.json"
        end=$(date +%s.%N)
        echo "{\"seconds\": $(echo "$end - $start" | bc)}" > "$out/curate-$short-$round.time"
        python3 scripts/bench_python_release.py "$short" "$out/py-$short-$round" > "$out/python-$short-$round.json"
    done
done
python3 - "$out" "$rounds" <<'PY'
import json, sys, pathlib, statistics
out, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
print("| release | curate (wall, s) | pandas + pymatgen (s) | ratio (median round) | range |")
print("|---|---|---|---|---|")
for short, name in [("supercon", "supercon-tc"), ("oqmd", "oqmd-formation")]:
    rows = []
    for r in range(1, rounds + 1):
        c = json.loads((out / f"curate-{short}-{r}.time").read_text())["seconds"]
        p = json.loads((out / f"python-{short}-{r}.json").read_text())["seconds"]
        rows.append((p / c, c, p))
    rows.sort()
    ratio, c, p = rows[len(rows) // 2]
    records = json.loads((out / f"curate-{short}-1.json").read_text())["manifest"]["records"]
    print(f"| {name} ({records} records) | {c:.2f} | {p:.2f} | {ratio:.1f}× | {rows[0][0]:.1f}–{rows[-1][0]:.1f}× |")
PY
