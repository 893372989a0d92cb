#!/usr/bin/env python3
"""Cross-checks the union release `mp-polymorphs-union` against its three single-source releases.

Each source is released on its own (`li-fe-o-polymorphs`, `mp-structures-formation`,
`flla-formation`); the union must hold exactly the (composition, protostructure) keys of the
three, each taken from the highest-ranked source that has it (Li-Fe-O MP2020 > MP table > FLLA)
with that source's value, minus the noble-gas compounds the union's curation excludes (FLLA's
own spec keeps them). Exits non-zero on any difference.

Usage:  check-union-release.py UNION LIFEO MP FLLA   (release directories)
"""
import csv, sys

NOBLE = {"He", "Ne", "Ar", "Kr", "Xe", "Rn"}


def keyed(release):
    return {(r["canonical_key"], r["protostructure"]): r for r in csv.DictReader(open(release + "/records.csv"))}


union, lifeo, mp, flla = map(keyed, sys.argv[1:5])
expected = {}
for name, records in (("mp-li-fe-o", lifeo), ("roost-mp-formation", mp), ("flla-2015", flla)):
    for key, record in records.items():
        if key not in expected and not NOBLE & set(record["chemical_system"].split("-")):
            expected[key] = (name, float(record["target"]))
problems = [f"missing {k}" for k in expected if k not in union] + [f"unexpected {k}" for k in union if k not in expected]
for key, (source, value) in expected.items():
    if key in union and (union[key]["sources"] != source or abs(float(union[key]["target"]) - value) > 1e-12):
        problems.append(f"{key}: union has {union[key]['sources']} {union[key]['target']}, expected {source} {value}")
counts = {}
for record in union.values():
    counts[record["sources"]] = counts.get(record["sources"], 0) + 1
print(f"union {len(union)} records, expected {len(expected)}; by source {dict(sorted(counts.items()))}")
for problem in problems[:20]:
    print(problem)
sys.exit(1 if problems else 0)
