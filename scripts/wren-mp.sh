#!/bin/sh
# Wren end to end on the structure-bearing data available offline, through releases:
#   1. `curate release` of datasets/mp-structures-formation (MP formation energies joined by id to
#      the MP CIFs with structure_join, split grouped by composition) and datasets/li-fe-o-polymorphs;
#   2. Wren and Roost ensembles trained on the MP release's train split (`--data RELEASE`),
#      scored on its test split (scripts/wren-mp-score.py: MAE, and the training-mean baseline);
#   3. polymorph ranking, Wren vs Roost, by cross-validation over the Li-Fe-O polymorphs with the
#      MP release in every training set (scripts/wren-polymorphs.py; skipped with FOLDS=0);
#   4. candidates by substitution from every MP release record, the top 200 screened with the
#      Wren ensemble against the hull of mp/roost-mp-formation.csv, and the MP test split screened
#      against the hull of the train split (metrics, since its truths are known).
# Usage: scripts/wren-mp.sh [EPOCHS] [ENSEMBLE] [extra train args, default --tiny --learning-rate 1e-3]
# Environment: CURATE (binary, default .build/release/curate), WORK (output folder), FOLDS, and
# wren-polymorphs.py's EPOCHS/MEMBERS/WREN_ARGS/ROOST_ARGS (default: the same as here).
set -eu
cd "$(dirname "$0")/.."
epochs="${1:-120}"
members="${2:-2}"
shift $(( $# < 2 ? $# : 2 ))
if [ $# -eq 0 ]; then set -- --tiny --learning-rate 1e-3; fi
curate="${CURATE:-.build/release/curate}"
work="${WORK:-$(mktemp -d)}"
mkdir -p "$work"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
"$curate" release datasets/mp-structures-formation.dataset.json --version 1.0.0 --out "$work/mp" | head -3
"$curate" release datasets/li-fe-o-polymorphs.dataset.json --version 1.0.0 --out "$work/lifeo" | head -3
start=$(date +%s)
"$curate" train wren --data "$work/mp" --epochs "$epochs" --ensemble "$members" --out "$work/wren" "$@" 2>"$work/wren.log"
mid=$(date +%s)
"$curate" train roost --data "$work/mp" --epochs "$epochs" --ensemble "$members" --out "$work/roost" "$@" 2>"$work/roost.log" >/dev/null
end=$(date +%s)
echo "training seconds: wren $((mid - start)), roost $((end - mid)) ($epochs epochs x $members members, $*)"
"$curate" predict-wren --model "$work/wren" --data "$work/mp/exports/wren/test.csv" --id-column material_id --json > "$work/wren-test.jsonl"
"$curate" predict --model "$work/roost" --data "$work/mp/exports/roost/test.csv" --id-column material_id --json > "$work/roost-test.jsonl"
python3 scripts/wren-mp-score.py "$work/mp" "$work"
if [ "${FOLDS:-5}" -gt 0 ]; then
    EPOCHS="${EPOCHS:-$epochs}" MEMBERS="${MEMBERS:-$members}" WREN_ARGS="${WREN_ARGS:-$*}" ROOST_ARGS="${ROOST_ARGS:-$*}" \
        CURATE="$curate" python3 scripts/wren-polymorphs.py "$work/mp" "$work/lifeo" "$work/polymorphs"
fi
"$curate" candidates --from "$work/mp" --top 200 > "$work/candidates.csv" 2> "$work/candidates.log"
cat "$work/candidates.log"
for rule in "" --uncertainty-adjusted; do
    "$curate" screen --model "$work/wren" --candidates "$work/candidates.csv" --hull-from ../shared/data/mp/roost-mp-formation.csv $rule | tail -1
    "$curate" screen --model "$work/wren" --candidates "$work/mp/exports/wren/test.csv" --hull-from "$work/mp/exports/roost/train.csv" $rule | tail -2
done
echo "outputs in $work"
