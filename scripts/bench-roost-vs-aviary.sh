#!/usr/bin/env bash
# Side-by-side benchmark of issue 7: Swift Roost (`curate train roost`, release build) against
# aviary's PyTorch Roost (scripts/bench_aviary_roost.py) on the same fixed, seeded 90/10 split of
# ../shared/data/oqmd/roost-oqmd-256k-testsplit.csv, with the same hyper-parameters (matscholar200
# embedding, d = 64, 3 x 3 message passing, 1024-512-256-128-64 output network, robust L1,
# AdamW lr 3e-4, weight decay 1e-6, batch 128), the same epochs, no validation hold-out (both
# keep the last epoch), and 2 threads. Prints a Markdown table: test MAE of each side on the 10 %
# test split and training throughput (samples/s, training passes only), with the ratios.
#
# Needs: the CPU-only torch wheel and `pip install --no-deps aviary-models` (plus pymatgen,
# pandas, scikit-learn, tensorboard, wandb, tqdm, which aviary imports).
#
# Settings (environment): EPOCHS (default 2), ENSEMBLE (1), SEED (0), THREADS (2),
# CURATE (default .build-bench/release/curate, built if missing), WORK (default a temp dir; kept).
# With EPOCHS=2 and ENSEMBLE=1 the script took about 11 minutes (Swift 2.5, aviary 8) on the 2-core
# development machine (shared, load average about 5).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
EPOCHS="${EPOCHS:-2}"
ENSEMBLE="${ENSEMBLE:-1}"
SEED="${SEED:-0}"
THREADS="${THREADS:-2}"
BATCH=128
LR=3e-4
DATA="${DATA:-$ROOT/../shared/data/oqmd/roost-oqmd-256k-testsplit.csv}"
EMBEDDING="${EMBEDDING:-$ROOT/../shared/data/embeddings/element/matscholar200.json}"
WORK="${WORK:-$(mktemp -d /tmp/roost-bench.XXXXXX)}"
CURATE="${CURATE:-$ROOT/.build-bench/release/curate}"

if [[ ! -x "$CURATE" ]]; then
    echo "building $CURATE" >&2
    swift build -c release --scratch-path .build-bench --product curate >&2
fi
mkdir -p "$WORK"
echo "work directory: $WORK" >&2

python3 scripts/make-oqmd-split.py --data "$DATA" --out "$WORK/split" --test-fraction 0.1 --seed "$SEED"

# Both sides get the same thread count: torch.set_num_threads for aviary, OpenBLAS/OMP for Swift.
export OPENBLAS_NUM_THREADS="$THREADS" OMP_NUM_THREADS="$THREADS"

started=$(date +%s)
echo "== Swift Roost: $EPOCHS epochs, ensemble $ENSEMBLE" >&2
rm -rf "$WORK/swift-model"
"$CURATE" train roost --data "$WORK/split/train.csv" --target target --epochs "$EPOCHS" --ensemble "$ENSEMBLE" \
    --out "$WORK/swift-model" --seed "$SEED" --batch-size "$BATCH" --learning-rate "$LR" --val-fraction 0 \
    --embedding "$EMBEDDING" --json > "$WORK/swift-train.json"
"$CURATE" evaluate --model "$WORK/swift-model" --data "$WORK/split/test.csv" --target target --json > "$WORK/swift-eval.json"
swift_done=$(date +%s)

echo "== aviary Roost: $EPOCHS epochs, ensemble $ENSEMBLE" >&2
python3 scripts/bench_aviary_roost.py --train "$WORK/split/train.csv" --test "$WORK/split/test.csv" \
    --embedding "$EMBEDDING" --epochs "$EPOCHS" --ensemble "$ENSEMBLE" --batch-size "$BATCH" --lr "$LR" \
    --weight-decay 1e-6 --seed "$SEED" --threads "$THREADS" > "$WORK/aviary.json"
aviary_done=$(date +%s)

python3 - "$WORK" "$EPOCHS" "$ENSEMBLE" "$((swift_done - started))" "$((aviary_done - swift_done))" <<'EOF'
import csv, glob, json, os, sys
work, epochs, ensemble, swift_wall, aviary_wall = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
train = json.load(open(f"{work}/swift-train.json"))
ev = json.load(open(f"{work}/swift-eval.json"))
av = json.load(open(f"{work}/aviary.json"))
rows = train["rows"]
# Swift: per-epoch training seconds from each member's log.csv (validation excluded); members run
# at once (--parallel, one per core), so the ensemble's throughput is samples over wall-clock time.
secs = []
for log in sorted(glob.glob(f"{work}/swift-model/member-*/log.csv")):
    secs += [float(r["train_seconds"]) for r in csv.DictReader(open(log))]
swift_sps = train.get("ensemble_samples_per_second") or rows * len(secs) / sum(secs)
swift_train_s = rows * len(secs) / swift_sps
swift_mae = ev["mae"]
av_mae, av_sps = av["test_mae"], av["samples_per_second"]
print(f"OQMD split: {rows} train / {av['test_rows']} test rows; {epochs} epochs; ensemble {ensemble}; "
      f"batch 128, lr 3e-4, wd 1e-6, matscholar200, 2 threads (torch {av['torch']})\n")
print("| | Swift Roost (curate) | aviary Roost (PyTorch) | Swift / aviary |")
print("|---|---|---|---|")
print(f"| test MAE (eV/atom) | {swift_mae:.4f} | {av_mae:.4f} | {swift_mae / av_mae:.3f} |")
print(f"| training throughput (samples/s) | {swift_sps:.0f} | {av_sps:.0f} | {swift_sps / av_sps:.2f} |")
print(f"| training time (s, all epochs and members) | {swift_train_s:.0f} | {av['train_seconds']:.0f} | {swift_train_s / av['train_seconds']:.2f} |")
print(f"| wall time incl. loading/eval (s) | {swift_wall} | {aviary_wall} | |")
print(f"\nSwift members trained {train.get('parallel', 1)} at a time; per-epoch seconds: Swift {[round(s, 1) for s in secs]}, aviary {[round(s, 1) for s in av['epoch_seconds']]}")
if ensemble > 1:
    print(f"aviary member test MAEs: {[round(m, 4) for m in av['member_test_mae']]}")
EOF
