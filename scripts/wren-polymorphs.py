#!/usr/bin/env python3
"""Polymorph ranking, Wren vs Roost, by K-fold cross-validation over the Li-Fe-O polymorphs.

The question of issue 9: does Wren, which sees the Wyckoff representation, order polymorphs
(same composition, different protostructure) that Roost, which sees only the composition,
cannot? The only offline data with several polymorphs per composition *and* their energies are
Li-Fe-O entries (mp/roost-mp-formation.csv holds one entry per composition). The
`li-fe-o-polymorphs` release keeps one record per (composition, protostructure label), the
lowest MP2020-corrected energy of the entries sharing it, so two records of one composition are
two different polymorphs. Then:

* the Li-Fe-O records are dealt into K folds (seeded shuffle, entry by entry: a held-out
  structure is never seen in training, though other polymorphs of its composition may be);
* each fold is held out in turn; Wren and Roost ensembles train on the other folds plus every
  record of the `mp-structures-formation` release (MP formation energies joined to the MP CIFs
  by `structure_join`; records whose entry id is in the Li-Fe-O file are left out, so no
  structure is in both);
* every pair of held-out records in the same fold with the same reduced composition, different
  protostructure labels and different true energies is scored: 1 when the predicted order
  matches the true order, 0 when not, 1/2 when the predictions tie within 1e-4 eV/atom (so
  Roost, which gives every polymorph of a composition the same value up to float rounding,
  scores exactly 0.5).

Reported: pooled ranking accuracy with a Wilson interval (optimistic: pairs share structures),
a bootstrap over compositions (more honest), the same restricted to pairs whose true energies
differ by more than 0.05 eV/atom, and the test MAE of each model over all held-out records.
Usage: wren-polymorphs.py MP_RELEASE_DIR LIFEO_RELEASE_DIR WORK
(releases of datasets/mp-structures-formation and datasets/li-fe-o-polymorphs; the script only
reads their records.csv, so their own splits are not used.)
Environment: CURATE (binary), FOLDS (5), SEED (0), EPOCHS (120), MEMBERS (2),
WREN_ARGS / ROOST_ARGS (extra training arguments, default "--tiny --learning-rate 1e-3"),
MP (1: include the MP release's records in training; 0: Li-Fe-O only).
"""
import csv, itertools, json, math, os, random, re, subprocess, sys, time
from collections import defaultdict
from fractions import Fraction

release, lifeo_release, work = sys.argv[1:4]
curate = os.environ.get("CURATE", ".build/release/curate")
folds = int(os.environ.get("FOLDS", "5"))
seed = int(os.environ.get("SEED", "0"))
epochs = os.environ.get("EPOCHS", "120")
members = os.environ.get("MEMBERS", "2")
wren_args = os.environ.get("WREN_ARGS", "--tiny --learning-rate 1e-3").split()
roost_args = os.environ.get("ROOST_ARGS", "--tiny --learning-rate 1e-3").split()
use_mp = os.environ.get("MP", "1") == "1"
os.makedirs(work, exist_ok=True)
fields = ["id", "protostructure", "composition", "formation_energy_per_atom", "source"]


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


def write(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)


lifeo = [{"id": "lifeo-" + r["id"], "protostructure": r["protostructure"], "composition": r["composition"],
          "formation_energy_per_atom": r["target"], "source": "li-fe-o", "entry_ids": r["entry_ids"]}
         for r in csv.DictReader(open(os.path.join(lifeo_release, "records.csv")))]
lifeo_ids = {i for r in lifeo for i in r["entry_ids"].split(";")}
mp = []
if use_mp:
    for r in csv.DictReader(open(os.path.join(release, "records.csv"))):
        if not set(r["entry_ids"].split(";")) & lifeo_ids:
            mp.append({"id": r["id"], "protostructure": r["protostructure"], "composition": r["composition"],
                       "formation_energy_per_atom": r["target"], "source": "mp-release"})
order = list(range(len(lifeo)))
random.Random(seed).shuffle(order)
fold_of = {lifeo[i]["id"]: k % folds for k, i in enumerate(order)}
print(f"{len(lifeo)} Li-Fe-O records in {folds} folds (seed {seed}), {len(mp)} MP release records in every training set; "
      f"{epochs} epochs x {members} members; wren {' '.join(wren_args)}; roost {' '.join(roost_args)}", file=sys.stderr)

predictions = {"wren": {}, "roost": {}}
seconds = {"wren": 0.0, "roost": 0.0}
for fold in range(folds):
    d = f"{work}/fold-{fold}"
    os.makedirs(d, exist_ok=True)
    test = [r for r in lifeo if fold_of[r["id"]] == fold]
    train = mp + [r for r in lifeo if fold_of[r["id"]] != fold]
    write(f"{d}/train.csv", train)
    write(f"{d}/test.csv", test)
    for model, command, extra in (("wren", ["train", "wren"], wren_args), ("roost", ["train", "roost"], roost_args)):
        saved = f"{d}/{model}-test.jsonl"
        if not os.path.exists(saved):  # a finished fold is reused (rerun to rescore)
            start = time.time()
            with open(f"{d}/{model}.log", "w") as log:
                subprocess.run([curate, *command, "--data", f"{d}/train.csv", "--target", "formation_energy_per_atom",
                                "--epochs", epochs, "--ensemble", members, "--out", f"{d}/{model}", "--val-fraction", "0.1",
                                "--seed", str(seed + 100 * fold), *extra], check=True, stdout=log, stderr=log)
            seconds[model] += time.time() - start
            predict = [curate, "predict-wren"] if model == "wren" else [curate, "predict"]
            out = subprocess.run([*predict, "--model", f"{d}/{model}", "--data", f"{d}/test.csv", "--json"],
                                 check=True, capture_output=True, text=True).stdout
            with open(saved, "w") as f:
                f.write(out)
        for line in open(saved):
            obj = json.loads(line)
            predictions[model][obj["id"]] = (obj["mean"], fold)
    print(f"fold {fold}: {len(train)} train, {len(test)} test; seconds so far {seconds}", file=sys.stderr)

truth = {r["id"]: float(r["formation_energy_per_atom"]) for r in lifeo}
label = {r["id"]: r["protostructure"] for r in lifeo}
# Polymorphs share the exact reduced composition (fractions); the name is for display only.
exact = {r["id"]: reduced(r["composition"]) for r in lifeo}
name = {i: "".join(f"{e}{float(x):.4g}" for e, x in key) for i, key in exact.items()}
groups = defaultdict(list)
for r in lifeo:
    groups[(fold_of[r["id"]], exact[r["id"]])].append(r["id"])
pairs = [(a, b) for g in groups.values() for a, b in itertools.combinations(g, 2)
         if truth[a] != truth[b] and label[a] != label[b]]
summary = {"folds": folds, "seed": seed, "epochs": int(epochs), "members": int(members), "mp_rows": len(mp),
           "lifeo_rows": len(lifeo), "pairs": len(pairs), "wren_args": wren_args, "roost_args": roost_args,
           "training_seconds": seconds}


TIE = 1e-4  # eV/atom: predictions closer than this are a tie (float32 rounding of equal compositions)


def score(pred, a, b):
    dp, dt = pred[a][0] - pred[b][0], truth[a] - truth[b]
    return 0.5 if abs(dp) < TIE else (1.0 if (dp > 0) == (dt > 0) else 0.0)


for model, pred in predictions.items():
    mae = sum(abs(pred[i][0] - truth[i]) for i in truth) / len(truth)
    result = {"mae": mae}
    for tag, chosen in (("all", pairs), ("gap_over_0.05", [p for p in pairs if abs(truth[p[0]] - truth[p[1]]) > 0.05])):
        total = sum(score(pred, a, b) for a, b in chosen)
        lo, hi = wilson(total, len(chosen))
        by = defaultdict(lambda: [0.0, 0])
        for a, b in chosen:
            by[exact[a]][0] += score(pred, a, b)
            by[exact[a]][1] += 1
        keys = sorted(by)
        rng = random.Random(0)
        draws = []
        for _ in range(1000):
            pick = [keys[rng.randrange(len(keys))] for _ in keys]
            s, n = sum(by[k][0] for k in pick), sum(by[k][1] for k in pick)
            draws.append(s / n if n else 0.5)
        draws.sort()
        result[tag] = {"pairs": len(chosen), "compositions": len(keys), "ranking": total / len(chosen) if chosen else None,
                       "wilson95": [lo, hi], "composition_bootstrap95": [draws[25], draws[974]]}
        print(f"{model} ({tag}): polymorph ranking {total / max(len(chosen), 1):.3f} over {len(chosen)} pairs in "
              f"{len(keys)} compositions; Wilson 95% [{lo:.3f}, {hi:.3f}], composition bootstrap [{draws[25]:.3f}, {draws[974]:.3f}]")
    print(f"{model}: held-out MAE {mae:.4f} eV/atom over {len(truth)} Li-Fe-O records")
    summary[model] = result
json.dump(summary, open(f"{work}/score.json", "w"), indent=1)
with open(f"{work}/predictions.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "fold", "composition", "protostructure", "truth", "wren", "roost"])
    for r in lifeo:
        i = r["id"]
        w.writerow([i, fold_of[i], name[i], label[i], truth[i], predictions["wren"][i][0], predictions["roost"][i][0]])
