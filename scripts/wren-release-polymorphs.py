#!/usr/bin/env python3
"""Polymorph ranking of Wren on a wyckoff release's own test split (issue 20).

Trains a Wren ensemble on a release written by `curate release` (its exports/wren train split,
checkpoints selected on its validation split), predicts its test split, and scores polymorph
ranking: for every composition with two or more records in the test split (a protostructure
release keeps one record per composition and protostructure label, so these are distinct
polymorphs), every pair with different true energies scores 1 when the predicted order matches
the true order, 0 when not, 1/2 when the predictions tie within 1e-4. Reported with a 95 %
bootstrap interval over compositions (1000 draws), next to trivial baselines on the same pairs:

* composition only (Roost and any composition model): every polymorph gets the same value, 0.5;
* space-group number: the higher (lower) space-group number is predicted lower in energy;
  the label's space group, ties 0.5. Both directions are reported.
* density (pymatgen, from the source structure of each record; scripts/polymorph_density.py):
  the denser (less dense) structure is predicted lower in energy. Both directions are reported.

Wren is compared with the best of these baselines by the difference of the two rankings on the
same pairs, with a paired bootstrap interval (the same resampled compositions for both).

Pairs are formed only between records of the same source, so energies of different correction
schemes (a union release) are never compared.

Usage:  wren-release-polymorphs.py RELEASE_DIR WORK
Environment: CURATE (binary, .build/release/curate), EPOCHS (60), MEMBERS (2), SEED (0),
WREN_ARGS (extra training arguments, default "--tiny --learning-rate 1e-3").
Writes WORK/score.json and WORK/predictions.csv; a trained model in WORK/wren is reused.
"""
import csv, itertools, json, os, random, subprocess, sys, time
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from polymorph_density import densities

release, work = sys.argv[1:3]
curate = os.environ.get("CURATE", ".build/release/curate")
epochs = os.environ.get("EPOCHS", "60")
members = os.environ.get("MEMBERS", "2")
seed = os.environ.get("SEED", "0")
wren_args = os.environ.get("WREN_ARGS", "--tiny --learning-rate 1e-3").split()
os.makedirs(work, exist_ok=True)

records = list(csv.DictReader(open(os.path.join(release, "records.csv"))))
test = [r for r in records if r["split"] == "test"]
model = os.path.join(work, "wren")
seconds = None
previous = os.path.join(work, "score.json")
if os.path.exists(model) and os.path.exists(previous):  # a reused model keeps its recorded training time
    seconds = json.load(open(previous)).get("training_seconds")
if not os.path.exists(model):
    start = time.time()
    with open(os.path.join(work, "train.log"), "w") as log:
        subprocess.run([curate, "train", "wren", "--data", release, "--epochs", epochs, "--ensemble", members,
                        "--seed", seed, "--out", model, *wren_args], check=True, stdout=log, stderr=log)
    seconds = time.time() - start
out = subprocess.run([curate, "predict-wren", "--model", model, "--data", os.path.join(release, "exports/wren/test.csv"),
                      "--id-column", "material_id", "--json"], check=True, capture_output=True, text=True).stdout
predicted = {o["id"]: o["mean"] for o in map(json.loads, out.splitlines())}

truth = {r["id"]: float(r["target"]) for r in test}
label = {r["id"]: r["protostructure"] for r in test}
space_group = {i: int(l.split("_")[2]) for i, l in label.items()}
groups = defaultdict(list)
for r in test:
    groups[(r["canonical_key"], r["sources"])].append(r["id"])
pairs = [(a, b) for g in groups.values() for a, b in itertools.combinations(g, 2) if truth[a] != truth[b]]
TIE = 1e-4


def ordered(values, a, b):
    """1 when `values` orders a, b as the truth does (lower = lower), 0 when not, 1/2 on a tie."""
    dp, dt = values[a] - values[b], truth[a] - truth[b]
    return 0.5 if abs(dp) < TIE else (1.0 if (dp > 0) == (dt > 0) else 0.0)


group_of = {i: k for k, g in groups.items() for i in g}


def scores_by_group(values):
    by = defaultdict(lambda: [0.0, 0])
    for a, b in pairs:
        by[group_of[a]][0] += ordered(values, a, b)
        by[group_of[a]][1] += 1
    return by


def difference(values, baseline):
    """Ranking of `values` minus that of `baseline` on the same pairs, with a paired 95 % bootstrap
    over the same resampled compositions (1000 draws)."""
    mine, theirs = scores_by_group(values), scores_by_group(baseline)
    keys = sorted(mine)
    rng = random.Random(1)
    draws = []
    for _ in range(1000):
        pick = [keys[rng.randrange(len(keys))] for _ in keys]
        n = sum(mine[k][1] for k in pick)
        draws.append((sum(mine[k][0] for k in pick) - sum(theirs[k][0] for k in pick)) / n)
    draws.sort()
    total = sum(mine[k][1] for k in keys)
    return {"difference": (sum(mine[k][0] for k in keys) - sum(theirs[k][0] for k in keys)) / total,
            "bootstrap95": [draws[25], draws[974]]}


def ranking(values):
    by = scores_by_group(values)
    keys = sorted(by)  # (canonical key, source)
    rng = random.Random(0)
    draws = []
    for _ in range(1000):
        pick = [keys[rng.randrange(len(keys))] for _ in keys]
        s, n = sum(by[k][0] for k in pick), sum(by[k][1] for k in pick)
        draws.append(s / n)
    draws.sort()
    total = sum(by[k][0] for k in keys)
    return {"ranking": total / len(pairs), "bootstrap95": [draws[25], draws[974]], "pairs": len(pairs), "compositions": len(keys)}


composition_only = {i: 0.0 for i in truth}
paired = {i for pair in pairs for i in pair}
density = densities(release, [r for r in test if r["id"] in paired])
missing = sorted(paired - set(density))
if missing:
    sys.exit(f"no structure found for {len(missing)} paired test records, e.g. {missing[:3]}")
results = {
    "release": os.path.abspath(release), "epochs": int(epochs), "members": int(members), "seed": int(seed),
    "wren_args": wren_args, "training_seconds": seconds, "test_records": len(test),
    "test_mae": sum(abs(predicted[i] - truth[i]) for i in truth) / len(truth),
    "wren": ranking(predicted),
    "composition_only": ranking(composition_only),
    "higher_space_group_lower_energy": ranking({i: -space_group[i] for i in truth}),
    "lower_space_group_lower_energy": ranking({i: float(space_group[i]) for i in truth}),
    "denser_lower_energy": ranking({i: -density[i] for i in paired}),
    "less_dense_lower_energy": ranking({i: density[i] for i in paired}),
}
baselines = {"higher_space_group_lower_energy": {i: -space_group[i] for i in truth},
             "lower_space_group_lower_energy": {i: float(space_group[i]) for i in truth},
             "denser_lower_energy": {i: -density[i] for i in paired},
             "less_dense_lower_energy": {i: density[i] for i in paired}}
best = max(baselines, key=lambda name: results[name]["ranking"])
results["best_baseline"] = best
results["wren_minus_best_baseline"] = difference(predicted, baselines[best])
json.dump(results, open(os.path.join(work, "score.json"), "w"), indent=1)
with open(os.path.join(work, "predictions.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["id", "canonical_key", "source", "protostructure", "truth", "wren", "density"])
    for r in test:
        w.writerow([r["id"], r["canonical_key"], r["sources"], r["protostructure"], truth[r["id"]], predicted[r["id"]],
                    density.get(r["id"], "")])
for name in ("wren", "composition_only", "higher_space_group_lower_energy", "lower_space_group_lower_energy",
             "denser_lower_energy", "less_dense_lower_energy"):
    s = results[name]
    print(f"{name}: {s['ranking']:.3f} [{s['bootstrap95'][0]:.3f}, {s['bootstrap95'][1]:.3f}] over {s['pairs']} pairs "
          f"in {s['compositions']} compositions")
d = results["wren_minus_best_baseline"]
print(f"wren − best baseline ({best}): {d['difference']:+.3f} [{d['bootstrap95'][0]:+.3f}, {d['bootstrap95'][1]:+.3f}] (paired bootstrap)")
print(f"test MAE {results['test_mae']:.4f} over {len(test)} records; training {seconds} s")
