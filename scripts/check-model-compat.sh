#!/bin/sh
# Proves the model stack's outputs are unchanged against the OLD main binary:
#  1. the baseline models (trained by old-curate) load and predict bit-identically (the reaction
#     model: every field but l1, whose sum now runs in atomic-number order, within 1e-15);
#  2. training with the same seed and options gives identical weights to old-curate;
#  3. a run stopped after a checkpoint and resumed gives the weights of an uninterrupted run;
#  4. a directory mixing members of two runs is refused.
# Usage: scripts/check-model-compat.sh   (from the repository; CURATE=path/to/new/curate,
# BASELINE=/work/baseline; runs from ../shared's parent so relative data paths resolve).
set -eu
REPO=$(cd "$(dirname "$0")/.." && pwd)
C=${CURATE:-$REPO/.build/release/curate}
B=${BASELINE:-/work/baseline}
OLD=$B/old-curate
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export OPENBLAS_NUM_THREADS=1
# Set iteration order (ReactionMetrics.l1 sums over a Set) varies per process unless hashing is deterministic.
export SWIFT_DETERMINISTIC_HASHING=1
cd "$REPO"
fail=0
check() { if "$@"; then echo "  ok"; else echo "  FAILED"; fail=1; fi; }

echo "1. baseline models predict bit-identically"
echo " roost:"; $C predict --model $B/models/roost --data $B/releases/supercon-tc/exports/roost/test.csv --id-column material_id --json > $T/roost.jsonl
check cmp -s $T/roost.jsonl $B/predictions/roost.jsonl
echo " wren:"; $C predict-wren --model $B/models/wren --data $B/releases/li-fe-o-polymorphs/exports/wren/test.csv --id-column material_id --json > $T/wren.jsonl
check cmp -s $T/wren.jsonl $B/predictions/wren.jsonl
echo " reaction (old binary with deterministic hashing; the new one sums L1 in atomic-number order):"
$OLD predict reaction --model $B/models/reaction --data $B/releases/solid-state-synthesis --split test --json > $T/reaction-old.jsonl 2>/dev/null
$C predict reaction --model $B/models/reaction --data $B/releases/solid-state-synthesis --split test --json > $T/reaction.jsonl 2>/dev/null
SWIFT_DETERMINISTIC_HASHING= $C predict reaction --model $B/models/reaction --data $B/releases/solid-state-synthesis --split test --json > $T/reaction-2.jsonl 2>/dev/null
# Every field bit-identical except l1, which may differ from the old summation order in its last bit.
check python3 - $T/reaction-old.jsonl $T/reaction.jsonl <<'PY'
import json, sys
old = [json.loads(line) for line in open(sys.argv[1])]
new = [json.loads(line) for line in open(sys.argv[2])]
assert len(old) == len(new), (len(old), len(new))
l1, worst = 0, 0.0
for a, b in zip(old, new):
    assert a.keys() == b.keys()
    for key in a:
        if key == "l1" and a[key] != b[key]:
            l1 += 1
            worst = max(worst, abs(a[key] - b[key]) / abs(a[key]))
        else:
            assert a[key] == b[key], (key, a[key], b[key])
assert worst < 1e-15, worst
print(f"  {len(new)} reactions: every field identical but l1 in {l1} (largest relative difference {worst:.1e})")
PY
echo "  new binary, two processes with random hashing: $(cmp -s $T/reaction.jsonl $T/reaction-2.jsonl && echo identical || echo DIFFERENT)"
cmp -s $T/reaction.jsonl $T/reaction-2.jsonl || fail=1
echo "2. training gives the old main's weights"
echo " roost (tiny, 2 members, 3 epochs, supercon-tc release):"
$OLD train roost --data $B/releases/supercon-tc --epochs 3 --ensemble 2 --tiny --out $T/roost-old > /dev/null 2>&1
$C train roost --data $B/releases/supercon-tc --epochs 3 --ensemble 2 --tiny --attention-power fixed --out $T/roost-new > /dev/null 2>&1
check python3 scripts/compare-weights.py $T/roost-old $T/roost-new
echo " wren (tiny, 2 members, 5 epochs, li-fe-o release):"
$OLD train wren --data $B/releases/li-fe-o-polymorphs --epochs 5 --ensemble 2 --tiny --out $T/wren-old > /dev/null 2>&1
$C train wren --data $B/releases/li-fe-o-polymorphs --epochs 5 --ensemble 2 --tiny --out $T/wren-new > /dev/null 2>&1
check python3 scripts/compare-weights.py $T/wren-old $T/wren-new
echo " reaction (tiny, 2 members, 2 epochs, 2 encoder epochs, first 400 reactions):"
R="--data $B/releases/solid-state-synthesis --epochs 2 --encoder-epochs 2 --ensemble 2 --tiny --limit 400"
$OLD train reaction $R --out $T/reaction-old > /dev/null 2>&1
$C train reaction $R --out $T/reaction-new > /dev/null 2>&1
check python3 scripts/compare-weights.py $T/reaction-old $T/reaction-new

echo "3. stop after a checkpoint + --resume = an uninterrupted run"
A="--data $B/releases/supercon-tc --epochs 4 --ensemble 2 --tiny"
$C train roost $A --out $T/straight > /dev/null 2>&1
if $C train roost $A --out $T/resumed --checkpoint-every 2 --stop-after-epoch 2 > /dev/null 2>&1; then echo "  the stopped run did not stop"; fail=1; fi
ls -d $T/.resumed.partial/member-0/checkpoint-2 > /dev/null
$C train roost $A --out $T/resumed --checkpoint-every 2 --resume $T/.resumed.partial > /dev/null 2>&1
check python3 scripts/compare-weights.py $T/straight $T/resumed

echo "4. an existing --out is refused without --overwrite; a mixed directory is refused on load"
if $C train roost $A --out $T/straight > $T/refused.txt 2>&1; then echo "  FAILED: overwrote"; fail=1; else echo "  ok: $(tail -1 $T/refused.txt)"; fi
cp -r $T/straight $T/mixed
cp $T/resumed/member-1/weights.safetensors $T/resumed/member-1/config.json $T/mixed/member-1/
if $C predict --model $T/mixed --data $B/releases/supercon-tc/exports/roost/test.csv --id-column material_id > $T/mixed.txt 2>&1; then
  echo "  FAILED: the mixed directory loaded"; fail=1
else
  echo "  ok: $(tail -1 $T/mixed.txt)"
fi

[ $fail = 0 ] && echo "all model compatibility checks passed" || { echo "SOME CHECKS FAILED"; exit 1; }
