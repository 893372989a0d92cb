#!/usr/bin/env python3
"""Write Tests/ChemistryTests/Fixtures/pymatgen-elements.json from installed pymatgen.

Usage (from the repository root):

    python3 scripts/make-element-fixture.py

For each of the 118 elements the fixture records what pymatgen says, unmodified:
symbol, Z, atomic_mass (float), X (Pauling electronegativity; null where pymatgen has none,
i.e. where it would return NaN), group and row. Note that pymatgen's group is 3 for every
lanthanide and actinide; the Swift table deliberately keeps group 3 only for La and Ac, so
tests compare groups only where the Swift value is non-nil.

ElementTableTests cross-checks Sources/Chemistry/ElementData.swift against this file.
"""

from __future__ import annotations

import json
import math
import os
import warnings

import pymatgen.core
from pymatgen.core.periodic_table import Element

OUTPUT = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "Tests", "ChemistryTests", "Fixtures", "pymatgen-elements.json",
)


def main() -> None:
    elements = []
    for z in range(1, 119):
        el = Element.from_Z(z)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            x = el.X
        elements.append({
            "symbol": el.symbol,
            "z": z,
            "atomic_mass": float(el.atomic_mass),
            "X": None if (x is None or math.isnan(x)) else float(x),
            "group": int(el.group),
            "row": int(el.row),
        })
    document = {
        "generator": "scripts/make-element-fixture.py",
        "pymatgen_version": pymatgen.core.__version__,
        "elements": elements,
    }
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1)
        handle.write("\n")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
