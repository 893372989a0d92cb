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
# Settings (environment): EPOCHS (default 2), ENSEMBLE (1), SEED (0), THREADS (2), POWERS (curate's
# --attention-power values, default "learned"; "learned fixed" runs both),
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
POWERS="${POWERS:-learned}"   # curate's --attention-power values to run: learned (aviary's form), fixed (the thesis')
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
for power in $POWERS; do
    echo "== Swift Roost ($power attention power): $EPOCHS epochs, ensemble $ENSEMBLE" >&2
    rm -rf "$WORK/swift-$power-model"
    "$CURATE" train roost --data "$WORK/split/train.csv" --target target --epochs "$EPOCHS" --ensemble "$ENSEMBLE" \
        --out "$WORK/swift-$power-model" --seed "$SEED" --batch-size "$BATCH" --learning-rate "$LR" --val-fraction 0 \
        --embedding "$EMBEDDING" --attention-power "$power" --json > "$WORK/swift-$power-train.json"
    "$CURATE" evaluate --model "$WORK/swift-$power-model" --data "$WORK/split/test.csv" --target target --json > "$WORK/swift-$power-eval.json"
done
swift_done=$(date +%s)

echo "== aviary Roost: $EPOCHS epochs, ensemble $ENSEMBLE" >&2
python3 scripts/bench_aviary_roost.py --train "$WORK/split/train.csv" --test "$WORK/split/test.csv" \
    --embedding "$EMBEDDING" --epochs "$EPOCHS" --ensemble "$ENSEMBLE" --batch-size "$BATCH" --lr "$LR" \
    --weight-decay 1e-6 --seed "$SEED" --threads "$THREADS" > "$WORK/aviary.json"
aviary_done=$(date +%s)

python3 - "$WORK" "$EPOCHS" "$ENSEMBLE" "$((swift_done - started))" "$((aviary_done - swift_done))" $POWERS <<'EOF'
import csv, glob, json, os, sys
work, epochs, ensemble, swift_wall, aviary_wall = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
powers = sys.argv[6:]
av = json.load(open(f"{work}/aviary.json"))
av_mae, av_sps = av["test_mae"], av["samples_per_second"]
summary = {"epochs": epochs, "ensemble": ensemble, "aviary": {"test_mae": av_mae, "samples_per_second": av_sps,
                                                             "member_test_mae": av.get("member_test_mae")}}
print("| | aviary Roost (PyTorch) | " + " | ".join(f"Swift Roost, {p} power | Swift / aviary" for p in powers) + " |")
print("|---|---|" + "---|---|" * len(powers))
mae_cells, sps_cells = [], []
for power in powers:
    train = json.load(open(f"{work}/swift-{power}-train.json"))
    ev = json.load(open(f"{work}/swift-{power}-eval.json"))
    rows = train["rows"]
    # Per-epoch training seconds from each member's log.csv (validation excluded); members run at
    # once (--parallel, one per core), so the ensemble's throughput is samples over wall-clock time.
    secs = []
    for log in sorted(glob.glob(f"{work}/swift-{power}-model/member-*/log.csv")):
        secs += [float(r["train_seconds"]) for r in csv.DictReader(open(log))]
    sps = train.get("ensemble_samples_per_second") or rows * len(secs) / sum(secs)
    summary[power] = {"test_mae": ev["mae"], "samples_per_second": sps}
    mae_cells.append(f"{ev['mae']:.4f} | {ev['mae'] / av_mae:.3f}")
    sps_cells.append(f"{sps:.0f} | {sps / av_sps:.2f}")
print(f"| test MAE (eV/atom) | {av_mae:.4f} | " + " | ".join(mae_cells) + " |")
print(f"| training throughput (samples/s) | {av_sps:.0f} | " + " | ".join(sps_cells) + " |")
print(f"\nOQMD split: {av['train_rows'] if 'train_rows' in av else '?'} train / {av['test_rows']} test rows; {epochs} epochs; ensemble {ensemble}; "
      f"batch 128, lr 3e-4, wd 1e-6, matscholar200, 2 threads (torch {av['torch']}); wall: Swift {swift_wall} s, aviary {aviary_wall} s")
if ensemble > 1:
    print(f"aviary member test MAEs: {[round(m, 4) for m in av['member_test_mae']]}")
json.dump(summary, open(f"{work}/summary.json", "w"), indent=1)
EOF
