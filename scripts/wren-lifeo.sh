#!/bin/sh
# End-to-end Wren on real structures: the 375 Li-Fe-O entries of mp/emmet/Li-Fe-O.json.gz get
# protostructure labels and formation energies per atom (`curate wren-labels`), a seeded 80/20
# split, a Wren and a Roost ensemble trained on the 80 %, and both scored on the held-out 20 %:
# MAE and polymorph ranking (the share of held-out pairs with the same reduced composition whose
# energy order the model gets right; predictions within 1e-6 eV/atom count one half, so Roost,
# which cannot tell polymorphs apart, scores 0.5).
# Usage: scripts/wren-lifeo.sh [EPOCHS] [ENSEMBLE]   (release build: swift build -c release)
set -eu
cd "$(dirname "$0")/.."
epochs="${1:-100}"
members="${2:-3}"
shift $(( $# < 2 ? $# : 2 ))
# Further arguments go to `curate train wren` (e.g. --tiny --learning-rate 1e-3).
curate="${CURATE:-.build/release/curate}"
work="${WORK:-$(mktemp -d)}"
"$curate" wren-labels ../shared/data/mp/emmet/Li-Fe-O.json.gz > "$work/all.csv"
python3 - "$work" <<'PY'
import csv, random, sys
work = sys.argv[1]
rows = list(csv.DictReader(open(f"{work}/all.csv")))
random.Random(0).shuffle(rows)
cut = int(round(0.8 * len(rows)))
for name, part in (("train", rows[:cut]), ("test", rows[cut:])):
    with open(f"{work}/{name}.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(part)
print(f"{len(rows)} entries: {cut} train, {len(rows) - cut} test", file=sys.stderr)
PY
start=$(date +%s)
"$curate" train wren --data "$work/train.csv" --target formation_energy_per_atom --epochs "$epochs" \
    --ensemble "$members" --out "$work/wren" --val-fraction 0.1 "$@" 2>"$work/wren.log"
mid=$(date +%s)
"$curate" train roost --data "$work/train.csv" --target formation_energy_per_atom --epochs "$epochs" \
    --ensemble "$members" --out "$work/roost" --val-fraction 0.1 2>"$work/roost.log" >/dev/null
end=$(date +%s)
"$curate" predict-wren --model "$work/wren" --data "$work/test.csv" --json > "$work/wren-test.jsonl"
"$curate" predict --model "$work/roost" --data "$work/test.csv" --json > "$work/roost-test.jsonl"
echo "training seconds: wren $((mid - start)), roost $((end - mid)) ($epochs epochs x $members members)"
python3 - "$work" <<'PY'
import csv, json, sys, itertools
from collections import defaultdict
from fractions import Fraction
work = sys.argv[1]
rows = {r["id"]: r for r in csv.DictReader(open(f"{work}/test.csv"))}
def reduced(text):
    import re
    amounts = {e: Fraction(a) for e, a in re.findall(r"([A-Z][a-z]?)([0-9.]+)", text)}
    total = sum(amounts.values())
    return tuple(sorted((e, a / total) for e, a in amounts.items()))
train = [float(r["formation_energy_per_atom"]) for r in csv.DictReader(open(f"{work}/train.csv"))]
mean = sum(train) / len(train)
truth = {i: float(r["formation_energy_per_atom"]) for i, r in rows.items()}
print(f"mean baseline MAE {sum(abs(y - mean) for y in truth.values()) / len(truth):.4f} eV/atom")
groups = defaultdict(list)
for i, r in rows.items():
    groups[reduced(r["composition"])].append(i)
pairs = [(a, b) for g in groups.values() for a, b in itertools.combinations(g, 2) if truth[a] != truth[b]]
for model in ("wren", "roost"):
    pred = {json.loads(l)["id"]: json.loads(l)["mean"] for l in open(f"{work}/{model}-test.jsonl")}
    mae = sum(abs(pred[i] - truth[i]) for i in truth) / len(truth)
    score = 0.0
    for a, b in pairs:
        dp, dt = pred[a] - pred[b], truth[a] - truth[b]
        score += 0.5 if abs(dp) < 1e-6 else (1.0 if (dp > 0) == (dt > 0) else 0.0)
    acc = score / len(pairs) if pairs else float("nan")
    print(f"{model}: test MAE {mae:.4f} eV/atom, polymorph ranking {acc:.3f} over {len(pairs)} pairs")
PY
echo "outputs in $work"
