#!/usr/bin/env python3
"""Writes Tests/IngestTests/Fixtures/polymorph-pymatgen.json: what pymatgen makes of a sample of
the rows of ../shared/data/polymorphs/flla_2015.csv.xz (Python-repr structure dicts) and
perov_5_test.csv.xz (CIF column), so the Swift ingest of the same rows can be checked against
an independent reader: lattice parameters, volume, site count, composition and space group
(SpacegroupAnalyzer, symprec 0.1, angle tolerance 5, the Materials Project tolerances).

    python3 scripts/polymorph-pymatgen-fixture.py   # from the repository root; needs pymatgen
"""
import ast
import csv
import io
import json
import lzma
import pathlib
import sys
import warnings

from pymatgen.core import Structure
from pymatgen.symmetry.analyzer import SpacegroupAnalyzer

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "polymorphs"
OUT = ROOT / "Tests" / "IngestTests" / "Fixtures" / "polymorph-pymatgen.json"
EVERY = {"flla_2015.csv.xz": 263, "perov_5_test.csv.xz": 251}  # about 15 rows of each


def facts(structure):
    lattice = structure.lattice
    analyzer = SpacegroupAnalyzer(structure, symprec=0.1, angle_tolerance=5)
    return {
        "abc": [round(x, 6) for x in lattice.abc],
        "angles": [round(x, 6) for x in lattice.angles],
        "volume": round(lattice.volume, 6),
        "nsites": len(structure),
        "composition": {el.symbol: amt for el, amt in structure.composition.element_composition.items()},
        "space_group": analyzer.get_space_group_number(),
    }


def rows(name):
    text = lzma.open(DATA / name, "rt", encoding="utf-8").read()
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    return list(csv.DictReader(io.StringIO("".join(lines))))


def main():
    warnings.filterwarnings("ignore")
    fixture = []
    for name, every in EVERY.items():
        for number, row in enumerate(rows(name), start=1):
            if number % every != 1:
                continue
            if "cif" in row:
                structure = Structure.from_str(row["cif"], fmt="cif")
            else:
                structure = Structure.from_dict(ast.literal_eval(row["structure"]))
            fixture.append({"file": name, "row": number, "id": row["material_id"], **facts(structure)})
    OUT.write_text(json.dumps(fixture, indent=1, sort_keys=True) + "\n")
    print(f"{len(fixture)} rows -> {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
