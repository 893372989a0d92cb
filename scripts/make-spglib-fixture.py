#!/usr/bin/env python3
"""Reference space groups and Wyckoff letters for a sample of Materials Project CIFs.

Reads every 47th file of ../shared/data/cif/mp (sorted names; 101 files) with pymatgen's
CifParser and runs PyPI spglib on the cell at symprec 0.1 Å and angle tolerance 5° (the
Materials Project's values; pymatgen's SpacegroupAnalyzer defaults). Writes
Tests/CrystalTests/Fixtures/spglib-mp.json: one object per file with the space-group number,
international symbol, Hall number and the Wyckoff letter of every site (in pymatgen's site order,
which is the CIF's order for these P1 files). Usage: python3 scripts/make-spglib-fixture.py
"""
import json
import pathlib
import warnings

import pymatgen
import spglib
from pymatgen.io.cif import CifParser

ROOT = pathlib.Path(__file__).resolve().parent.parent
CIF_DIR = ROOT.parent / "shared" / "data" / "cif" / "mp"
OUT = ROOT / "Tests" / "CrystalTests" / "Fixtures" / "spglib-mp.json"
STEP = 47
SYMPREC = 0.1
ANGLE_TOLERANCE = 5.0


def main() -> None:
    files = sorted(CIF_DIR.glob("*.cif"))[::STEP]
    records = []
    for path in files:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            structure = CifParser(str(path)).parse_structures(primitive=False)[0]
        numbers = {}
        types = [numbers.setdefault(site.species_string, len(numbers) + 1) for site in structure]
        cell = (structure.lattice.matrix, structure.frac_coords, types)
        data = spglib.get_symmetry_dataset(cell, symprec=SYMPREC, angle_tolerance=ANGLE_TOLERANCE)
        records.append({
            "file": path.name,
            "sites": len(structure),
            "number": int(data.number),
            "international": data.international,
            "hall_number": int(data.hall_number),
            "wyckoffs": list(data.wyckoffs),
        })
    OUT.write_text(json.dumps({
        "generator": "scripts/make-spglib-fixture.py",
        "spglib": spglib.__version__,
        "pymatgen": pymatgen.core.__version__,
        "symprec": SYMPREC,
        "angle_tolerance": ANGLE_TOLERANCE,
        "records": records,
    }, indent=1) + "\n")
    print(f"{len(records)} records -> {OUT}")


if __name__ == "__main__":
    main()
