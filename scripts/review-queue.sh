#!/usr/bin/env bash
# The merged review queue against planted errors (issue 19): corrupt 5 % of a release's test
# records, then rank the test split with `curate flags queue` — model disagreement, rule findings
# and curation flags on one scale — and report precision at k (k = number planted) for the whole
# queue, each signal alone and each signal left out, per corruption kind.
#
#   scripts/review-queue.sh [OUT]            (default OUT: /work/runs/queue)
#
# Settings (environment):
#   SC_RELEASE=/work/runs/sc/rel   SC_MODEL=/work/runs/sc/roost      SuperCon Tc release and a Roost
#                                   ensemble trained on its train split (see README, "SuperCon Tc flags")
#   RX_RELEASE=/work/runs/reaction/release RX_MODEL=/work/runs/reaction/model
#                                   reaction release and ensemble (scripts/train-reaction.sh)
#   SEEDS="1 2 3" FRACTION=0.05 KINDS="sc rx"; CURATE=path/to/curate skips the build.
# Writes OUT/<kind>-seed<S>/{records.jsonl,planted.csv,origin-manifest.json}, OUT/<kind>-seed<S>.json
# (the queue's JSON summary) and OUT/summary.tsv (one line per seed and signal set).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-/work/runs/queue}
SC_RELEASE=${SC_RELEASE:-/work/runs/sc/rel}
SC_MODEL=${SC_MODEL:-/work/runs/sc/roost}
RX_RELEASE=${RX_RELEASE:-/work/runs/reaction/release}
RX_MODEL=${RX_MODEL:-/work/runs/reaction/model}
SEEDS=${SEEDS:-1 2 3}
FRACTION=${FRACTION:-0.05}
KINDS=${KINDS:-sc rx}
if [ -z "${CURATE:-}" ]; then
    swift build -c release --product curate
    CURATE=.build/release/curate
fi
mkdir -p "$OUT"
for kind in $KINDS; do
    for seed in $SEEDS; do
        dir="$OUT/$kind-seed$seed"
        rm -rf "$dir"
        if [ "$kind" = sc ]; then
            "$CURATE" flags plant --release "$SC_RELEASE" --fraction "$FRACTION" --seed "$seed" --out "$dir"
            "$CURATE" flags queue --release "$dir" --model "$SC_MODEL" --key "$dir/planted.csv" --top 30 --json > "$dir.json"
        else
            "$CURATE" flags plant --release "$RX_RELEASE" --fraction "$FRACTION" --seed "$seed" --out "$dir"
            "$CURATE" predict reaction --model "$RX_MODEL" --data "$dir" --split all --json > "$dir/predictions.jsonl" 2> "$dir/predict.log"
            "$CURATE" flags queue --release "$dir" --predictions "$dir/predictions.jsonl" --key "$dir/planted.csv" --top 30 --json > "$dir.json"
        fi
    done
done
python3 - "$OUT" $KINDS <<'PY'
import json, sys, pathlib, collections
out = pathlib.Path(sys.argv[1])
lines = ["kind\tseed\tsignals\tplanted\tprecision_at_k\tclean_flag_rate\tby_kind"]
means = collections.defaultdict(list)
for kind in sys.argv[2:]:
    for path in sorted(out.glob(f"{kind}-seed*.json")):
        summary = json.loads(path.read_text())
        seed = path.stem.split("seed")[1]
        for ablation in summary["planted"]:
            report = ablation["report"]
            cut = next(c for c in report["cuts"] if c["label"] == "planted")
            by = ", ".join(f"{k} {v}" for k, v in sorted(report["by_corruption"].items()))
            lines.append(f"{kind}\t{seed}\t{ablation['signals']}\t{report['planted']}\t{cut['precision']:.3f}\t{report['clean_flag_rate']:.4f}\t{by}")
            means[(kind, ablation["signals"])].append(cut["precision"])
(out / "summary.tsv").write_text("\n".join(lines) + "\n")
print("\n".join(lines))
print("\nmean precision at k over seeds:")
for (kind, signals), values in means.items():
    print(f"  {kind:3s} {signals:45s} {sum(values) / len(values):.3f}  ({', '.join(f'{v:.3f}' for v in values)})")
PY
