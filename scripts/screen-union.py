#!/usr/bin/env python3
"""Screening with Wren and Roost on the same candidates of a wyckoff release (issue 20, issue 9's criterion).

For each source of the release separately (so one hull never mixes correction schemes), the
release's test records of that source are the candidates and its train records of that source
are the known hull; `curate screen` places each model's predicted formation energy against that
hull and selects a candidate when ΔE_hull,pred < 0 (plain rule) or ΔE_hull,pred + σ < 0
(uncertainty-adjusted). The truth is the candidate's own formation energy against the same
hull, so the stable class is "on or below the known hull of the training records". Prints the
precision, recall, prevalence, enrichment (DAF) and F1 of both models, per source and pooled.

Usage:  screen-union.py RELEASE_DIR WREN_MODEL ROOST_MODEL WORK
Environment: CURATE (binary, default .build/release/curate).
Writes WORK/screen.json.
"""
import csv, json, os, subprocess, sys

release, wren, roost, work = sys.argv[1:5]
curate = os.environ.get("CURATE", ".build/release/curate")
os.makedirs(work, exist_ok=True)
records = list(csv.DictReader(open(os.path.join(release, "records.csv"))))
source_of = {r["id"]: r["sources"] for r in records}
sources = sorted(set(source_of.values()))


def rows(split):
    path = os.path.join(release, "exports/wren", split + ".csv")
    reader = csv.DictReader(open(path))
    return reader.fieldnames, list(reader)


def write(path, fields, items):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(items)


def screen(model, candidates, hull, adjusted):
    """curate screen --json: (rows, summary)."""
    args = [curate, "screen", "--model", model, "--candidates", candidates, "--hull-from", hull, "--json"]
    if adjusted:
        args.append("--uncertainty-adjusted")
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout.splitlines()
    return [json.loads(line) for line in out[:-1]], json.loads(out[-1])


def metrics(tp, fp, tn, fn):
    """The discovery metrics from the confusion counts (as curate's ScreeningMetrics defines them)."""
    n = tp + fp + tn + fn
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    prevalence = (tp + fn) / n if n else None
    return {"candidates": n, "stable": tp + fn, "selected": tp + fp, "tp": tp, "fp": fp, "tn": tn, "fn": fn,
            "precision": precision, "recall": recall, "prevalence": prevalence,
            "enrichment": precision / prevalence if precision is not None and prevalence else None,
            "f1": 2 * precision * recall / (precision + recall) if precision and recall else None}


fields, train = rows("train")
_, test = rows("test")
results = {"release": os.path.abspath(release), "wren": os.path.abspath(wren), "roost": os.path.abspath(roost), "sources": {}}
pooled = {}
for source in sources:
    candidates = [r for r in test if source_of[r["material_id"]] == source]
    known = [r for r in train if source_of[r["material_id"]] == source]
    if not candidates:
        continue
    cpath, hpath = os.path.join(work, f"{source}-test.csv"), os.path.join(work, f"{source}-train-hull.csv")
    write(cpath, fields, candidates)
    write(hpath, ["material_id", "composition", "formation_energy_per_atom"],
          [{k: r[k] for k in ("material_id", "composition", "formation_energy_per_atom")} for r in known])
    per = {}
    for name, model in (("wren", wren), ("roost", roost)):
        for adjusted in (False, True):
            _, summary = screen(model, cpath, hpath, adjusted)
            key = f"{name}{'_sigma' if adjusted else ''}"
            c = [summary["metrics"][k] for k in ("tp", "fp", "tn", "fn")]
            per[key] = metrics(*c)
            for k in ("precision", "recall", "prevalence", "enrichment"):  # curate's own figures
                reported, mine = summary["metrics"].get(k), per[key][k]
                assert (reported is None) == (mine is None) and (mine is None or abs(reported - mine) < 1e-9), (key, k, reported, mine)
            pooled.setdefault(key, [0, 0, 0, 0])
            pooled[key] = [a + b for a, b in zip(pooled[key], c)]
    results["sources"][source] = {"candidates": len(candidates), "hull_records": len(known), **per}
results["pooled"] = {key: metrics(*c) for key, c in pooled.items()}
json.dump(results, open(os.path.join(work, "screen.json"), "w"), indent=1)


def show(value):
    return "–" if value is None else f"{value:.3f}"


print("source | candidates | prevalence | model | precision | recall | enrichment | F1 | σ-adjusted precision | recall | enrichment")
for source, per in list(results["sources"].items()) + [("pooled", results["pooled"])]:
    for name in ("wren", "roost"):
        m, s = per[name], per[name + "_sigma"]
        print(f"{source} | {m['candidates']} | {show(m['prevalence'])} | {name} | {show(m['precision'])} | {show(m['recall'])} | "
              f"{show(m['enrichment'])} | {show(m['f1'])} | {show(s['precision'])} | {show(s['recall'])} | {show(s['enrichment'])}")
