#!/usr/bin/env bash
# Transfer-learning study of issue 7 (SCIENCE.md §3: experimental band gaps, MP pre-training).
#
# 1. Pre-train a Swift Roost on ../shared/data/mp/roost-mp-non-metals.csv (band_gap) for
#    PRETRAIN_EPOCHS epochs (10 % validation hold-out, best-validation checkpoint).
# 2. Split ../shared/data/exptgap/matbench_expt_gap.csv, non-metals only (target > 0), 80/20
#    with a fixed seed (scripts/make-oqmd-split.py).
# 3. Fine-tune the MP model with --init-from for EPOCHS epochs on the 80 % part, and train a model
#    from scratch with the same epochs, seed and settings on the same part.
# 4. Score both on the 20 % test part (`curate evaluate`) and print a Markdown table.
#
# Settings (environment): PRETRAIN_EPOCHS (default 1), EPOCHS (default 5), ENSEMBLE (1), SEED (0),
# CURATE (default .build-bench/release/curate, built if missing), WORK (default a temp dir; kept).
# With the defaults the script took about 6 minutes on the 2-core development machine (shared);
# more epochs are closer to the thesis but take proportionally longer.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PRETRAIN_EPOCHS="${PRETRAIN_EPOCHS:-1}"
EPOCHS="${EPOCHS:-5}"
ENSEMBLE="${ENSEMBLE:-1}"
SEED="${SEED:-0}"
MP="${MP:-$ROOT/../shared/data/mp/roost-mp-non-metals.csv}"
EXPT="${EXPT:-$ROOT/../shared/data/exptgap/matbench_expt_gap.csv}"
EMBEDDING="${EMBEDDING:-$ROOT/../shared/data/embeddings/element/matscholar200.json}"
WORK="${WORK:-$(mktemp -d /tmp/roost-transfer.XXXXXX)}"
CURATE="${CURATE:-$ROOT/.build-bench/release/curate}"

if [[ ! -x "$CURATE" ]]; then
    echo "building $CURATE" >&2
    swift build -c release --scratch-path .build-bench --product curate >&2
fi
mkdir -p "$WORK"
echo "work directory: $WORK" >&2
export OPENBLAS_NUM_THREADS="${THREADS:-2}" OMP_NUM_THREADS="${THREADS:-2}"

python3 scripts/make-oqmd-split.py --data "$EXPT" --composition-column formula --target-column target \
    --positive-only --test-fraction 0.2 --seed "$SEED" --out "$WORK/expt"

common=(--ensemble "$ENSEMBLE" --seed "$SEED" --batch-size 128 --learning-rate 3e-4 --json)

echo "== pre-training on MP band gaps ($PRETRAIN_EPOCHS epochs)" >&2
rm -rf "$WORK/mp-model" "$WORK/fine-tuned" "$WORK/scratch"
"$CURATE" train roost --data "$MP" --id-column material_id --target band_gap --epochs "$PRETRAIN_EPOCHS" \
    --embedding "$EMBEDDING" --out "$WORK/mp-model" "${common[@]}" > "$WORK/mp-train.json"

echo "== fine-tuning from MP ($EPOCHS epochs)" >&2
"$CURATE" train roost --data "$WORK/expt/train.csv" --target target --epochs "$EPOCHS" \
    --init-from "$WORK/mp-model" --out "$WORK/fine-tuned" "${common[@]}" > "$WORK/fine-tuned-train.json"

echo "== training from scratch ($EPOCHS epochs)" >&2
"$CURATE" train roost --data "$WORK/expt/train.csv" --target target --epochs "$EPOCHS" \
    --embedding "$EMBEDDING" --out "$WORK/scratch" "${common[@]}" > "$WORK/scratch-train.json"

for model in fine-tuned scratch; do
    "$CURATE" evaluate --model "$WORK/$model" --data "$WORK/expt/test.csv" --target target --json > "$WORK/$model-eval.json"
done

python3 - "$WORK" "$PRETRAIN_EPOCHS" "$EPOCHS" "$ENSEMBLE" <<'EOF'
import json, sys
work, pre, epochs, ensemble = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
mp = json.load(open(f"{work}/mp-train.json"))
ft, sc = (json.load(open(f"{work}/{m}-eval.json")) for m in ("fine-tuned", "scratch"))
ftt, sct = (json.load(open(f"{work}/{m}-train.json")) for m in ("fine-tuned", "scratch"))
print(f"Experimental band gaps (matbench_expt_gap, target > 0): {ftt['rows']} train / {ft['count']} test rows; "
      f"MP pre-training on {mp['rows']} rows for {pre} epochs (best val MAE {mp['best_val_mae']}); "
      f"{epochs} epochs on the experimental set, ensemble {ensemble}, 10 % of the train part held out for checkpointing\n")
print("| model | test MAE (eV) | test RMSE (eV) | R² | best epoch |")
print("|---|---|---|---|---|")
for name, e, t in (("from scratch", sc, sct), ("fine-tuned from MP (--init-from)", ft, ftt)):
    r2 = "-" if e.get("r2") is None else f"{e['r2']:.3f}"
    print(f"| {name} | {e['mae']:.4f} | {e['rmse']:.4f} | {r2} | {t['best_epoch']} |")
print(f"\nfine-tuned / scratch MAE: {ft['mae'] / sc['mae']:.3f}")
EOF
