#!/usr/bin/env bash
# Side-by-side benchmark, one run: curate (release build) against pymatgen and pandas on the
# same 16,414 Stanev formulas. The machine's speed drifts (shared cores), so the two sides are
# interleaved in ROUNDS rounds and each ratio is taken within a round; the table shows the median
# round and the range. Prints a Markdown table. The CIF rows compare the 4,704 Materials Project
# CIFs (CIF_DIR) with pymatgen's CifParser (+ SpacegroupAnalyzer at symprec 0.1).
# Env: ROUNDS (3), CIF_REPEAT (pymatgen CIF repetitions per round, 1; a pass takes minutes),
#      SCRATCH (swift build folder, .build).
# Needs: pip install pymatgen pandas
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/supercon/stanev-2018.csv
cif_dir=${CIF_DIR:-../shared/data/cif/mp}
rounds=${ROUNDS:-3}
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" >/dev/null
out=$(mktemp -d)
for round in $(seq 1 "$rounds"); do
    "$scratch"/release/curate bench --data "$data" --cif-dir "$cif_dir" --repetitions 5 --json > "$out/curate-$round.jsonl"
    python3 scripts/bench-pymatgen-composition.py | tail -1 > "$out/pymatgen-$round.json"
    python3 scripts/bench-pandas-ingest.py | tail -1 > "$out/pandas-$round.json"
    python3 scripts/bench-pymatgen-cif.py --cif-dir "$cif_dir" --repeat "${CIF_REPEAT:-1}" | tail -1 > "$out/pymatgen-cif-$round.json"
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
cif_workloads = [
    ("CIF → structure (files/s)", "cif_parsing", "pymatgen `CifParser.parse_structures(primitive=False)`", "pymatgen_cif", "parse_per_second"),
    ("CIF → structure + spglib symprec 0.1 (files/s)", "cif_parsing_symmetry", "+ `SpacegroupAnalyzer(s, 0.1).get_space_group_symbol()`", "pymatgen_cif", "symmetry_per_second"),
]
results = []
for r in range(1, rounds + 1):
    curate = {m["name"]: m for m in map(json.loads, (out / f"curate-{r}.jsonl").read_text().splitlines())}
    pmg = json.loads((out / f"pymatgen-{r}.json").read_text())
    pandas = json.loads((out / f"pandas-{r}.json").read_text())
    pmg_cif = json.loads((out / f"pymatgen-cif-{r}.json").read_text())
    results.append((curate, {"pymatgen": pmg, "pandas": pandas, "pymatgen_cif": pmg_cif}))
print(f"| workload (16,414 Stanev formulas) | curate /s | Python baseline | baseline /s | ratio (median of {rounds}) | range |")
print("|---|---:|---|---:|---:|---:|")
for name, ours_key, base_name, base_tool, base_key in workloads:
    rows = sorted(((c[ours_key]["per_second"], b[base_tool][base_key]) for c, b in results), key=lambda p: p[0] / p[1])
    ratios = [o / b for o, b in rows]
    ours, base = rows[len(rows) // 2]
    print(f"| {name} | {ours:,.0f} | {base_name} | {base:,.0f} | {ours / base:.1f}× | {min(ratios):.1f}–{max(ratios):.1f}× |")
files = results[0][0]["cif_parsing"]["items"]
print(f"\n| workload ({files:,} CIFs) | curate /s | Python baseline | baseline /s | ratio (median of {rounds}) | range |")
print("|---|---:|---|---:|---:|---:|")
for name, ours_key, base_name, base_tool, base_key in cif_workloads:
    rows = sorted(((c[ours_key]["per_second"], b[base_tool][base_key]) for c, b in results), key=lambda p: p[0] / p[1])
    ratios = [o / b for o, b in rows]
    ours, base = rows[len(rows) // 2]
    print(f"| {name} | {ours:,.0f} | {base_name} | {base:,.1f} | {ours / base:.1f}× | {min(ratios):.1f}–{max(ratios):.1f}× |")
mid = sorted(results, key=lambda cb: cb[0]["cif_parsing_symmetry"]["best_seconds"])[len(results) // 2][0]
parse_s, full_s, sym_s = (mid[k]["best_seconds"] for k in ("cif_parsing", "cif_parsing_symmetry", "cif_symmetry_only"))
print(f"\ncurate, where time goes (median round): parsing {parse_s:.3f} s, spglib alone {sym_s:.3f} s, "
      f"parsing + spglib {full_s:.3f} s (spglib {100 * sym_s / full_s:.0f}%).")
times = sorted(c["supercon_ingest"]["best_seconds"] for c, _ in results)
print(f"\nFull Stanev ingest (release, best of 3 per round): {times[len(times) // 2]:.3f} s median, {times[0]:.3f}–{times[-1]:.3f} s range.")
PY
rm -rf "$out"
