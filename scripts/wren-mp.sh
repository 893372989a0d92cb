#!/bin/sh
# Wren vs Roost on the structure-bearing data available offline: the MP CIFs of
# ../shared/data/cif/mp joined by id to mp/roost-mp-formation.csv (3,186 of 4,704 have an energy;
# that table holds one entry per composition, so it has no polymorphs), plus the 375 Li-Fe-O
# entries (polymorphs, MP2020-corrected energies from `curate wren-labels`). Protostructure labels
# come from `curate structure` (spglib, symprec 0.1). Split grouped by reduced composition
# (scripts/wren-mp-data.py, seed 0). Both models train on the same rows; scripts/wren-mp-score.py
# reports test MAE and pairwise polymorph ranking on held-out pairs (same composition, different
# protostructure) with a 95 % Wilson interval. Then `curate candidates` and `curate screen` end to end.
# Usage: scripts/wren-mp.sh [EPOCHS] [ENSEMBLE] [extra train args, default --tiny --learning-rate 1e-3]
# Environment: CURATE (binary, default .build/release/curate), WORK (output folder).
set -eu
cd "$(dirname "$0")/.."
epochs="${1:-60}"
members="${2:-2}"
shift $(( $# < 2 ? $# : 2 ))
if [ $# -eq 0 ]; then set -- --tiny --learning-rate 1e-3; fi
curate="${CURATE:-.build/release/curate}"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
"$curate" structure ../shared/data/cif/mp --json > "$work/structures.jsonl"
"$curate" wren-labels ../shared/data/mp/emmet/Li-Fe-O.json.gz > "$work/lifeo.csv"
python3 scripts/wren-mp-data.py "$work/structures.jsonl" ../shared/data/mp/roost-mp-formation.csv "$work/lifeo.csv" "$work"
start=$(date +%s)
"$curate" train wren --data "$work/train.csv" --target formation_energy_per_atom --epochs "$epochs" \
    --ensemble "$members" --out "$work/wren" --val-fraction 0.1 "$@" 2>"$work/wren.log"
mid=$(date +%s)
"$curate" train roost --data "$work/train.csv" --target formation_energy_per_atom --epochs "$epochs" \
    --ensemble "$members" --out "$work/roost" --val-fraction 0.1 "$@" 2>"$work/roost.log" >/dev/null
end=$(date +%s)
"$curate" predict-wren --model "$work/wren" --data "$work/test.csv" --json > "$work/wren-test.jsonl"
"$curate" predict --model "$work/roost" --data "$work/test.csv" --json > "$work/roost-test.jsonl"
echo "training seconds: wren $((mid - start)), roost $((end - mid)) ($epochs epochs x $members members, $*)"
python3 scripts/wren-mp-score.py "$work"
# End to end: candidates from every known structure (hull of their own formation energies), the
# top 200 screened with the Wren ensemble against the hull of mp/roost-mp-formation.csv; and the
# held-out split screened against the hull of the training split (metrics, since truths are known).
"$curate" candidates --from "$work/known.csv" --top 200 > "$work/candidates.csv" 2> "$work/candidates.log"
cat "$work/candidates.log"
for rule in "" --uncertainty-adjusted; do
    "$curate" screen --model "$work/wren" --candidates "$work/candidates.csv" --hull-from ../shared/data/mp/roost-mp-formation.csv $rule | tail -1
    "$curate" screen --model "$work/wren" --candidates "$work/test.csv" --hull-from "$work/train.csv" $rule | tail -2
done
echo "outputs in $work"
