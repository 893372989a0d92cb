#!/usr/bin/env python3
"""Scores Wren and Roost predictions on the held-out split of scripts/wren-mp.sh.

Test MAE per model (and of the training mean), and pairwise polymorph ranking: over every
held-out pair with the same reduced composition and different protostructure labels (and
different true energies), the share whose energy order the model gets right; predictions
within 1e-6 eV/atom count one half (Roost, which sees only the composition, scores 0.5).
The 95 % interval is Wilson's score interval for a binomial share over the pairs (pairs
sharing a structure are not independent, so it is optimistic); a bootstrap over whole
compositions gives a second, more honest interval.
Usage: wren-mp-score.py WORK
"""
import csv, itertools, json, math, re, sys
from collections import defaultdict
from fractions import Fraction

work = sys.argv[1]


def reduced(text):
    amounts = {}
    for e, a in re.findall(r"([A-Z][a-z]?)([0-9.]*)", text.replace(" ", "")):
        amounts[e] = amounts.get(e, Fraction(0)) + (Fraction(a) if a else Fraction(1))
    total = sum(amounts.values())
    return tuple(sorted((e, a / total) for e, a in amounts.items()))


def wilson(k, n, z=1.96):
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (centre - half, centre + half)


rows = {r["id"]: r for r in csv.DictReader(open(f"{work}/test.csv"))}
truth = {i: float(r["formation_energy_per_atom"]) for i, r in rows.items()}
train = [float(r["formation_energy_per_atom"]) for r in csv.DictReader(open(f"{work}/train.csv"))]
mean = sum(train) / len(train)
print(f"test rows {len(truth)}; training-mean baseline MAE {sum(abs(y - mean) for y in truth.values()) / len(truth):.4f} eV/atom")
groups = defaultdict(list)
for i, r in rows.items():
    groups[reduced(r["composition"])].append(i)
pairs = [(a, b) for g in groups.values() for a, b in itertools.combinations(g, 2)
         if truth[a] != truth[b] and rows[a]["protostructure"] != rows[b]["protostructure"]]
compositions = sum(1 for g in groups.values() if len({rows[i]["protostructure"] for i in g}) > 1)
summary = {"test_rows": len(truth), "pairs": len(pairs), "compositions_with_polymorphs": compositions}
for model in ("wren", "roost"):
    pred = {}
    for line in open(f"{work}/{model}-test.jsonl"):
        obj = json.loads(line)
        pred[obj["id"]] = obj["mean"]
    mae = sum(abs(pred[i] - truth[i]) for i in truth) / len(truth)
    score = 0.0
    for a, b in pairs:
        dp, dt = pred[a] - pred[b], truth[a] - truth[b]
        score += 0.5 if abs(dp) < 1e-6 else (1.0 if (dp > 0) == (dt > 0) else 0.0)
    acc = score / len(pairs) if pairs else float("nan")
    lo, hi = wilson(score, len(pairs))
    by_group = defaultdict(lambda: [0.0, 0])
    name_of = {i: "".join(f"{e}{float(x):.3g}" for e, x in reduced(rows[i]["composition"])) for i in rows}
    for a, b in pairs:
        dp, dt = pred[a] - pred[b], truth[a] - truth[b]
        by_group[name_of[a]][0] += 0.5 if abs(dp) < 1e-6 else (1.0 if (dp > 0) == (dt > 0) else 0.0)
        by_group[name_of[a]][1] += 1
    # Pairs within one composition share structures, so also resample whole compositions
    # (1,000 seeded bootstrap draws, percentile interval).
    import random
    keys = sorted(by_group)
    rng = random.Random(0)
    draws = []
    for _ in range(1000):
        pick = [keys[rng.randrange(len(keys))] for _ in keys]
        s_, n_ = sum(by_group[k][0] for k in pick), sum(by_group[k][1] for k in pick)
        draws.append(s_ / n_ if n_ else 0.5)
    draws.sort()
    boot = [draws[25], draws[974]]
    print(f"{model}: composition-bootstrap 95% interval [{boot[0]:.3f}, {boot[1]:.3f}] over {len(keys)} compositions")
    summary[model] = {"mae": mae, "ranking": acc, "ci95": [lo, hi], "bootstrap95": boot,
                      "by_composition": {k: {"pairs": n, "ranking": s / n} for k, (s, n) in by_group.items()}}
    print(f"{model}: test MAE {mae:.4f} eV/atom, polymorph ranking {acc:.3f} over {len(pairs)} pairs "
          f"({compositions} compositions), 95% Wilson CI [{lo:.3f}, {hi:.3f}] vs 0.5")
print("pairs per composition (wren ranking): " + ", ".join(
    f"{k} {v['pairs']} ({v['ranking']:.2f})" for k, v in sorted(summary["wren"]["by_composition"].items(), key=lambda kv: -kv[1]["pairs"])))
json.dump(summary, open(f"{work}/score.json", "w"), indent=1)
