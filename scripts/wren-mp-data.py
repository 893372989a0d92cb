#!/usr/bin/env python3
"""Builds the structure-bearing Wren/Roost data set for scripts/wren-mp.sh.

Joins `curate structure --json` reports of the MP CIFs (file name = MP id) with the
formation energies of mp/roost-mp-formation.csv by id, adds the Li-Fe-O entries
(`curate wren-labels` output, which carry the polymorphs: roost-mp-formation has one
entry per composition), and splits grouped by reduced composition with a seeded shuffle,
so all polymorphs of a composition share a split. Li-Fe-O composition groups go to test
with probability TEST_LIFEO (default 0.5, to have enough held-out polymorph pairs), the
MP groups with 0.2. Writes WORK/all.csv, train.csv, test.csv and known.csv (every row, for
`curate candidates`) with columns id,protostructure,composition,formation_energy_per_atom,source.
Usage: wren-mp-data.py STRUCTURES_JSONL ROOST_MP_CSV LIFEO_CSV WORK
"""
import csv, json, os, random, re, sys
from fractions import Fraction

structures_path, energies_path, lifeo_path, work = sys.argv[1:5]
test_lifeo = float(os.environ.get("TEST_LIFEO", "0.5"))
test_mp = float(os.environ.get("TEST_MP", "0.2"))


def reduced(text):
    amounts = {}
    for e, a in re.findall(r"([A-Z][a-z]?)([0-9.]*)", text.replace(" ", "")):
        amounts[e] = amounts.get(e, Fraction(0)) + (Fraction(a) if a else Fraction(1))
    total = sum(amounts.values())
    return tuple(sorted((e, a / total) for e, a in amounts.items()))


energies = {r["task_id"]: r for r in csv.DictReader(open(energies_path))}
rows = []
for line in open(structures_path):
    report = json.loads(line)
    if report.get("status") != "ok" or not report.get("protostructure") or not report.get("ordered"):
        continue
    ident = os.path.basename(report["file"]).rsplit(".", 1)[0]
    if ident not in energies:
        continue
    rows.append({"id": ident, "protostructure": report["protostructure"],
                 "composition": report["formula"],
                 "formation_energy_per_atom": energies[ident]["formation_energy_per_atom"], "source": "mp-cif"})
for r in csv.DictReader(open(lifeo_path)):
    rows.append({"id": "lifeo-" + r["id"], "protostructure": r["protostructure"], "composition": r["composition"],
                 "formation_energy_per_atom": r["formation_energy_per_atom"], "source": "li-fe-o"})

groups = {}
for r in rows:
    groups.setdefault((r["source"], reduced(r["composition"])), []).append(r)
keys = sorted(groups, key=lambda k: (k[0], str(k[1])))
rng = random.Random(0)
train, test = [], []
for key in keys:
    share = test_lifeo if key[0] == "li-fe-o" else test_mp
    (test if rng.random() < share else train).extend(groups[key])

fields = ["id", "protostructure", "composition", "formation_energy_per_atom", "source"]
for name, part in (("all", rows), ("train", train), ("test", test), ("known", rows)):
    with open(os.path.join(work, name + ".csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(part)
print(f"{len(rows)} rows ({sum(r['source'] == 'mp-cif' for r in rows)} MP CIFs joined to energies, "
      f"{sum(r['source'] == 'li-fe-o' for r in rows)} Li-Fe-O): {len(train)} train, {len(test)} test", file=sys.stderr)
