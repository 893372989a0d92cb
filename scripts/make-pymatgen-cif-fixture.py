#!/usr/bin/env python3
"""Records what pymatgen's CifParser finds for a sample of CIFs, as a cross-check fixture.

For 50 files of ../shared/data/cif/mp and 50 of ../shared/data/cif/mp-doped (every n-th file in
sorted order, so the choice is deterministic) it writes lattice parameters, volume, number of
sites and the fractional (atomic-fraction) composition pymatgen reports, to
Tests/CrystalTests/Fixtures/pymatgen-cif.json. Run from the repository root:

    python3 scripts/make-pymatgen-cif-fixture.py
"""
import json
import os
import warnings

import pymatgen
from pymatgen.io.cif import CifParser

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data", "cif")
OUT = os.path.join(ROOT, "Tests", "CrystalTests", "Fixtures", "pymatgen-cif.json")
PER_FOLDER = 50


def sample(folder):
    names = sorted(n for n in os.listdir(os.path.join(DATA, folder)) if n.endswith(".cif"))
    step = max(1, len(names) // PER_FOLDER)
    return [f"{folder}/{n}" for n in names[::step][:PER_FOLDER]]


def record(relative):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        structure = CifParser(os.path.join(DATA, relative)).parse_structures(primitive=False)[0]
    lattice = structure.lattice
    fractions = structure.composition.element_composition.fractional_composition
    return {
        "file": relative,
        "a": lattice.a, "b": lattice.b, "c": lattice.c,
        "alpha": lattice.alpha, "beta": lattice.beta, "gamma": lattice.gamma,
        "volume": lattice.volume,
        "sites": len(structure),
        "fractions": {el.symbol: round(amount, 12) for el, amount in sorted(fractions.items())},
    }


def main():
    entries = [record(f) for folder in ("mp", "mp-doped") for f in sample(folder)]
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as handle:
        json.dump({"pymatgen": pymatgen.core.__version__, "entries": entries}, handle, indent=1, sort_keys=True)
        handle.write("\n")
    print(f"wrote {len(entries)} entries to {OUT}")


if __name__ == "__main__":
    main()
