#!/usr/bin/env python3
"""Generate Sources/Chemistry/ObservedOxidationStates.swift: for every element, the oxidation
states observed in the ICSD, as pymatgen tabulates them (``Element.icsd_oxidation_states``).

    python3 scripts/generate-oxidation-states.py            # writes the Swift file
    python3 scripts/generate-oxidation-states.py --check    # exits 1 if the file is stale

These are facts (which oxidation states occur in known inorganic crystals); curate's
charge-neutrality rule (`Review/ChargeNeutrality.swift`) reads them. Elements without an
ICSD entry get an empty list and the rule skips compositions that hold them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pymatgen.core
from pymatgen.core.periodic_table import Element

OUT = Path(__file__).resolve().parent.parent / "Sources/Chemistry/ObservedOxidationStates.swift"


def render() -> str:
    lines = [
        "// GENERATED FILE - do not edit by hand.",
        "// Regenerate with: python3 scripts/generate-oxidation-states.py",
        f"// Source: pymatgen {pymatgen.core.__version__}, Element.icsd_oxidation_states (oxidation states",
        "// observed in the Inorganic Crystal Structure Database), sorted ascending.",
        "",
        "/// Oxidation states observed in the ICSD, by atomic number (index `z - 1`); empty where",
        "/// none is tabulated. Generated; see the header of this file.",
        "enum ObservedOxidationStates {",
        "    static let byAtomicNumber: [[Int]] = [",
    ]
    for z in range(1, 119):
        element = Element.from_Z(z)
        states = sorted(int(s) for s in element.icsd_oxidation_states)
        lines.append(f"        [{', '.join(str(s) for s in states)}], // {element.symbol}")
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = render()
    if args.check:
        if OUT.read_text() != text:
            print(f"{OUT} is stale; regenerate it", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
