#!/usr/bin/env bash
# Side-by-side benchmark of issue 20: Swift Wren (`curate train wren`, release build) against
# aviary's PyTorch Wren (scripts/bench_aviary_wren.py) on the same `wyckoff` release (its
# exports/wren train / validation / test splits: train on train, keep the epoch with the best
# validation MAE, score on test), with the same hyper-parameters (matscholar200 element embedding
# and the bra-alg-off-style Wyckoff embedding, both frozen; curate's WrenConfig sizes mapped onto
# aviary's constructor, see the Python script; robust L1, AdamW lr 3e-4, weight decay 1e-6,
# batch 128), the same epochs and seed, one model each (no ensemble), 2 threads each. The two
# sides run one after the other, never at once, alternating which goes first from size to size.
# Prints a Markdown table: test MAE of each side and training throughput (training samples/s,
# training passes only, validation excluded), with the Swift / aviary ratios.
#
# Needs: the CPU-only torch wheel and `pip install --no-deps aviary-models` (plus pymatgen,
# pandas, scikit-learn, tensorboard, wandb, tqdm, which aviary imports).
#
# Settings (environment): DATA (a wyckoff release directory, default /tmp/poly/perov5-heat, made
# by `curate release datasets/perov5-heat.dataset.json --version 1.0.0 --out /tmp/poly/perov5-heat`),
# SIZES (default "paper tiny"), ORDER (swift or aviary: the side that goes first at the first
# size, default swift), EPOCHS (default 15; EPOCHS_<size>, e.g. EPOCHS_tiny, overrides it
# per size), SEED (0), THREADS (2), LR (3e-4), NICE (10), CURATE (default
# .build-bench/release/curate, built if missing), EMBEDDING (matscholar200 JSON), WORK (default a
# temp dir; kept).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="${DATA:-/tmp/poly/perov5-heat}"
SIZES="${SIZES:-paper tiny}"
EPOCHS="${EPOCHS:-15}"
SEED="${SEED:-0}"
THREADS="${THREADS:-2}"
LR="${LR:-3e-4}"
NICE="${NICE:-10}"
BATCH=128
EMBEDDING="${EMBEDDING:-$ROOT/../shared/data/embeddings/element/matscholar200.json}"
WORK="${WORK:-$(mktemp -d /tmp/wren-bench.XXXXXX)}"
CURATE="${CURATE:-$ROOT/.build-bench/release/curate}"
SPLITS="$DATA/exports/wren"

if [[ ! -x "$CURATE" ]]; then
    echo "building $CURATE" >&2
    swift build -c release --scratch-path .build-bench --product curate >&2
fi
for split in train validation test; do
    [[ -f "$SPLITS/$split.csv" ]] || { echo "missing $SPLITS/$split.csv (a wyckoff release?)" >&2; exit 1; }
done
mkdir -p "$WORK"
echo "work directory: $WORK" >&2

# Both sides get the same thread count: torch.set_num_threads for aviary, OpenBLAS/OMP for Swift.
export OPENBLAS_NUM_THREADS="$THREADS" OMP_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS"

run_swift() {  # size epochs
    local size=$1 epochs=$2 started
    echo "== Swift Wren ($size): $epochs epochs" >&2
    started=$(date +%s)
    nice -n "$NICE" "$CURATE" train wren --data "$DATA" --epochs "$epochs" --ensemble 1 --seed "$SEED" --size "$size" \
        --batch-size "$BATCH" --learning-rate "$LR" --embedding "$EMBEDDING" --out "$WORK/swift-$size" --overwrite \
        --json > "$WORK/swift-$size-train.json"
    nice -n "$NICE" "$CURATE" predict-wren --model "$WORK/swift-$size" --data "$SPLITS/test.csv" \
        --id-column material_id --json > "$WORK/swift-$size-test.jsonl"
    echo $(($(date +%s) - started)) > "$WORK/swift-$size-wall"
}

run_aviary() {  # size epochs
    local size=$1 epochs=$2 started
    echo "== aviary Wren ($size): $epochs epochs" >&2
    started=$(date +%s)
    nice -n "$NICE" python3 scripts/bench_aviary_wren.py --train "$SPLITS/train.csv" --validation "$SPLITS/validation.csv" \
        --test "$SPLITS/test.csv" --target heat_ref --id-column material_id --embedding "$EMBEDDING" --size "$size" \
        --epochs "$epochs" --batch-size "$BATCH" --lr "$LR" --weight-decay 1e-6 --seed "$SEED" \
        --threads "$THREADS" > "$WORK/aviary-$size.json" 2> >(grep --line-buffered -v Warning >&2)
    echo $(($(date +%s) - started)) > "$WORK/aviary-$size-wall"
}

first="${ORDER:-swift}"
for size in $SIZES; do
    var="EPOCHS_$size"
    epochs="${!var:-$EPOCHS}"
    echo "$epochs" > "$WORK/epochs-$size"
    if [[ $first == swift ]]; then run_swift "$size" "$epochs"; run_aviary "$size" "$epochs"; first=aviary
    else run_aviary "$size" "$epochs"; run_swift "$size" "$epochs"; first=swift; fi
done

python3 - "$WORK" "$SPLITS/test.csv" $SIZES <<'EOF'
import csv, json, sys
work, test_csv, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
truth = {r["material_id"]: float(r["heat_ref"]) for r in csv.DictReader(open(test_csv))}
rows, notes = [], []
for size in sizes:
    epochs = int(open(f"{work}/epochs-{size}").read())
    train = json.load(open(f"{work}/swift-{size}-train.json"))
    log = list(csv.DictReader(open(f"{work}/swift-{size}/member-0/log.csv")))
    secs = [float(r["train_seconds"]) for r in log]
    n_train = json.load(open(f"{work}/swift-{size}/member-0/config.json"))["training"]["trainSamples"]
    swift_sps = n_train * len(secs) / sum(secs)
    preds = [json.loads(line) for line in open(f"{work}/swift-{size}-test.jsonl") if line.strip()]
    swift_mae = sum(abs(p["mean"] - truth[p["id"]]) for p in preds) / len(preds)
    assert len(preds) == len(truth), (len(preds), len(truth))
    av = json.load(open(f"{work}/aviary-{size}.json"))
    rows.append((size, epochs, swift_mae, swift_sps, av["test_mae"], av["samples_per_second"]))
    notes.append(f"- {size}: best epoch Swift {train['best_epoch'][0]} (val MAE {train['best_val_score'][0]:.4f}), "
                 f"aviary {av['best_epoch']} (val MAE {av['best_validation_mae']:.4f}); trainable parameters aviary "
                 f"{av['trainable_parameters']}; per-epoch training seconds Swift {[round(s, 1) for s in secs]}, "
                 f"aviary {[round(s, 1) for s in av['epoch_seconds']]}; wall incl. loading/validation/test "
                 f"Swift {open(f'{work}/swift-{size}-wall').read().strip()} s, aviary {open(f'{work}/aviary-{size}-wall').read().strip()} s")
av = json.load(open(f"{work}/aviary-{sizes[0]}.json"))
print(f"{av['train_rows']} train / {av['validation_rows']} validation / {av['test_rows']} test rows; "
      f"batch 128, lr 3e-4, wd 1e-6, matscholar200, seed 0, 1 model, {av['threads']} threads each (torch {av['torch']})\n")
print("| side | size | epochs | test MAE | MAE / aviary | samples/s | throughput ratio (Swift / aviary) |")
print("|---|---|---|---|---|---|---|")
for size, epochs, s_mae, s_sps, a_mae, a_sps in rows:
    print(f"| Swift Wren (curate) | {size} | {epochs} | {s_mae:.4f} | {s_mae / a_mae:.3f} | {s_sps:.0f} | {s_sps / a_sps:.2f} |")
    print(f"| aviary Wren (PyTorch) | {size} | {epochs} | {a_mae:.4f} | 1 | {a_sps:.0f} | 1 |")
print()
print("\n".join(notes))
EOF
