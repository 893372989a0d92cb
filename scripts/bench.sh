#!/usr/bin/env bash
# Side-by-side benchmark, one run: curate (release build) against pymatgen and pandas on the
# same 16,414 Stanev formulas. Prints a Markdown table with the ratios.
# Needs: pip install pymatgen pandas
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/supercon/stanev-2018.csv
swift build -c release >/dev/null
out=$(mktemp -d)
.build/release/curate bench --data "$data" --repetitions 5 --json > "$out/curate.jsonl"
python3 scripts/bench-pymatgen-composition.py > "$out/pymatgen.json"
python3 scripts/bench-pandas-ingest.py > "$out/pandas.json"
python3 - "$out" <<'PY'
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
curate = {m["name"]: m for m in map(json.loads, (out / "curate.jsonl").read_text().splitlines())}
pmg = json.loads((out / "pymatgen.json").read_text().splitlines()[-1])
pandas = json.loads((out / "pandas.json").read_text().splitlines()[-1])
rows = [
    ("text → composition", curate["composition_from_formula"]["per_second"], "pymatgen `Composition(f)`", pmg["parse_only_per_second"]),
    ("+ fractions + reduced formula", curate["composition_fractions_reduced_formula"]["per_second"], "pymatgen, same calls", pmg["per_second"]),
    ("full grammar (`FormulaParser.parse`)", curate["parsed_formula_full_grammar"]["per_second"], "pymatgen `Composition(f)`", pmg["parse_only_per_second"]),
    ("Stanev ingest into the store (rows/s)", curate["supercon_ingest"]["per_second"], "pandas `read_csv` + pymatgen rows (in memory)", pandas["per_second"]),
]
print("| workload (16,414 Stanev formulas) | curate /s | Python baseline | baseline /s | ratio |")
print("|---|---:|---|---:|---:|")
for name, ours, base_name, base in rows:
    print(f"| {name} | {ours:,.0f} | {base_name} | {base:,.0f} | {ours / base:.1f}× |")
ingest = curate["supercon_ingest"]
print(f"\nFull Stanev ingest (release): {ingest['best_seconds']:.3f} s for {ingest['items']} rows.")
PY
rm -rf "$out"
