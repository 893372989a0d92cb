#!/usr/bin/env bash
# Times `curate flag reactions` (cosine top-K of every labelled reaction against the training
# split, through blocked sgemm) on synthetic predictions of N reactions with DIM-long embeddings.
#
#   scripts/bench-flag-reactions.sh [N] [DIM]     (default 20000 256)
#
# CURATE=path/to/curate skips the build. Prints wall time of the flagging run (parse, score,
# store 20k embeddings and the flags) and of `curate similar` on one reaction.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
DIM=${2:-256}
if [ -z "${CURATE:-}" ]; then
    swift build -c release --scratch-path .build-review --product curate
    CURATE=.build-review/release/curate
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 scripts/make-synthetic-reaction-predictions.py "$N" "$DIM" 1 > "$WORK/predictions.jsonl"
echo "predictions: $N x $DIM ($(du -h "$WORK/predictions.jsonl" | cut -f1))"
/usr/bin/time -f "flag reactions: %e s wall, %M KiB max RSS" "$CURATE" flag reactions --predictions "$WORK/predictions.jsonl" \
    --store "$WORK/store.sqlite" --top 50 > /dev/null
/usr/bin/time -f "similar (one query over $N stored vectors): %e s wall" "$CURATE" similar r000005 --top 10 --store "$WORK/store.sqlite" > /dev/null
