#!/usr/bin/env bash
# Side-by-side benchmark, one run: curate (release build) against pymatgen and pandas on the
# same 16,414 Stanev formulas. The machine's speed drifts (shared cores), so the two sides are
# interleaved in ROUNDS rounds and each ratio is taken within a round; the table shows the median
# round and the range. Prints a Markdown table.
# Needs: pip install pymatgen pandas
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/supercon/stanev-2018.csv
rounds=${ROUNDS:-3}
swift build -c release >/dev/null
out=$(mktemp -d)
for round in $(seq 1 "$rounds"); do
    .build/release/curate bench --data "$data" --repetitions 5 --json > "$out/curate-$round.jsonl"
    python3 scripts/bench-pymatgen-composition.py | tail -1 > "$out/pymatgen-$round.json"
    python3 scripts/bench-pandas-ingest.py | tail -1 > "$out/pandas-$round.json"
done
python3 - "$out" "$rounds" <<'PY'
import json, sys, pathlib, statistics
out, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
workloads = [
    ("text → composition", "composition_from_formula", "pymatgen `Composition(f)`", "pymatgen", "parse_only_per_second"),
    ("+ fractions + reduced formula", "composition_fractions_reduced_formula", "pymatgen, same calls", "pymatgen", "per_second"),
    ("full grammar (`FormulaParser.parse`)", "parsed_formula_full_grammar", "pymatgen `Composition(f)`", "pymatgen", "parse_only_per_second"),
    ("Stanev ingest into the store (rows/s)", "supercon_ingest", "pandas `read_csv` + pymatgen rows, in memory", "pandas", "per_second"),
]
results = []
for r in range(1, rounds + 1):
    curate = {m["name"]: m for m in map(json.loads, (out / f"curate-{r}.jsonl").read_text().splitlines())}
    pmg = json.loads((out / f"pymatgen-{r}.json").read_text())
    pandas = json.loads((out / f"pandas-{r}.json").read_text())
    results.append((curate, {"pymatgen": pmg, "pandas": pandas}))
print(f"| workload (16,414 Stanev formulas) | curate /s | Python baseline | baseline /s | ratio (median of {rounds}) | range |")
print("|---|---:|---|---:|---:|---:|")
for name, ours_key, base_name, base_tool, base_key in workloads:
    rows = sorted(((c[ours_key]["per_second"], b[base_tool][base_key]) for c, b in results), key=lambda p: p[0] / p[1])
    ratios = [o / b for o, b in rows]
    ours, base = rows[len(rows) // 2]
    print(f"| {name} | {ours:,.0f} | {base_name} | {base:,.0f} | {ours / base:.1f}× | {min(ratios):.1f}–{max(ratios):.1f}× |")
times = sorted(c["supercon_ingest"]["best_seconds"] for c, _ in results)
print(f"\nFull Stanev ingest (release, best of 3 per round): {times[len(times) // 2]:.3f} s median, {times[0]:.3f}–{times[-1]:.3f} s range.")
PY
rm -rf "$out"
