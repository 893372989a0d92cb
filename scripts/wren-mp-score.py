#!/usr/bin/env python3
"""Scores scripts/wren-mp.sh's Wren and Roost predictions on the test split of a release.

Reads RELEASE/exports/wren/test.csv (material_id, composition, protostructure, target) for the
truths, RELEASE/exports/wren/train.csv for the training-mean baseline, and WORK/wren-test.jsonl,
WORK/roost-test.jsonl (`--json` predictions keyed by material_id). Prints the test MAE of each
model and of the baseline, and writes WORK/score.json.
Usage: wren-mp-score.py RELEASE WORK
"""
import csv, json, sys

release, work = sys.argv[1:3]
rows = list(csv.DictReader(open(f"{release}/exports/wren/test.csv")))
target = [c for c in rows[0] if c not in ("material_id", "composition", "protostructure")][0]
truth = {r["material_id"]: float(r[target]) for r in rows}
train = [float(r[target]) for r in csv.DictReader(open(f"{release}/exports/wren/train.csv"))]
mean = sum(train) / len(train)
summary = {"test_rows": len(truth), "baseline_mae": sum(abs(y - mean) for y in truth.values()) / len(truth)}
print(f"{len(truth)} test rows; training-mean baseline MAE {summary['baseline_mae']:.4f}")
for model in ("wren", "roost"):
    pred = {}
    for line in open(f"{work}/{model}-test.jsonl"):
        obj = json.loads(line)
        pred[obj["id"]] = obj["mean"]
    missing = set(truth) - set(pred)
    if missing:
        sys.exit(f"{model}: no prediction for {len(missing)} test rows, e.g. {sorted(missing)[0]}")
    summary[model] = sum(abs(pred[i] - truth[i]) for i in truth) / len(truth)
    print(f"{model}: test MAE {summary[model]:.4f}")
json.dump(summary, open(f"{work}/score.json", "w"), indent=1)
