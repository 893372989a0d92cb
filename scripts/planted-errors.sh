#!/usr/bin/env bash
# The planted-error experiment (issue 8, part 4): corrupt 5 % of a reaction release's test
# records in realistic ways (swapped targets, a dot-notation mis-parse keeping one part of the
# target, a wrong element), predict the corrupted release with a trained reaction ensemble, and
# report how far above chance the flag score ranks the corrupted records. Then flag the real
# (uncorrupted) release and print the top flags as reports a chemist can act on.
#
#   scripts/planted-errors.sh [OUT]          (default OUT: /work/runs/planted)
#
# Settings (environment): RELEASE=/work/runs/reaction/release MODEL=/work/runs/reaction/model
# FRACTION=0.05 SEED=1 TOP=20 SHOW=5. CURATE=path/to/curate skips the build.
# The model must have been trained on the release's train split (scripts/train-reaction.sh):
# only test records are corrupted, so the same model serves the clean and the corrupted copy.
# Writes OUT/planted/{records.jsonl,planted.csv}, OUT/planted-predictions.jsonl,
# OUT/planted-score.json, OUT/balance.tsv (element-balance findings), OUT/predictions.jsonl,
# OUT/review.sqlite, OUT/flags.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-/work/runs/planted}
RELEASE=${RELEASE:-/work/runs/reaction/release}
MODEL=${MODEL:-/work/runs/reaction/model}
FRACTION=${FRACTION:-0.05}
SEED=${SEED:-1}
TOP=${TOP:-20}
SHOW=${SHOW:-5}
if [ -z "${CURATE:-}" ]; then
    swift build -c release --scratch-path .build-review --product curate
    CURATE=.build-review/release/curate
fi
mkdir -p "$OUT"
"$CURATE" flags plant --release "$RELEASE" --fraction "$FRACTION" --seed "$SEED" --out "$OUT/planted"
"$CURATE" predict reaction --model "$MODEL" --data "$OUT/planted" --split all --json > "$OUT/planted-predictions.jsonl" 2> "$OUT/planted-predict.log"
"$CURATE" flags score-planted --predictions "$OUT/planted-predictions.jsonl" --key "$OUT/planted/planted.csv"
"$CURATE" flags score-planted --predictions "$OUT/planted-predictions.jsonl" --key "$OUT/planted/planted.csv" --json > "$OUT/planted-score.json"
# The model-free element-balance rules on the same corrupted copy (no model needed).
"$CURATE" flags balance --release "$OUT/planted" --key "$OUT/planted/planted.csv" > "$OUT/balance.tsv"

# The real release: flag, then print the top reports.
"$CURATE" predict reaction --model "$MODEL" --data "$RELEASE" --split all --json > "$OUT/predictions.jsonl" 2> "$OUT/predict.log"
rm -f "$OUT/review.sqlite"
"$CURATE" flag reactions --predictions "$OUT/predictions.jsonl" --model "$MODEL" --top "$TOP" --store "$OUT/review.sqlite"
: > "$OUT/flags.txt"
for id in $(seq 1 "$SHOW"); do
    "$CURATE" flags show "$id" --store "$OUT/review.sqlite" | tee -a "$OUT/flags.txt"
    echo | tee -a "$OUT/flags.txt"
done
