#!/usr/bin/env python3
"""Generate Sources/Chemistry/ElementData.swift, the 118-element table of `curate`.

Usage (from the repository root):

    python3 scripts/generate-element-data.py            # writes the Swift file
    python3 scripts/generate-element-data.py --check    # exits 1 if the file is stale

Inputs, read at generation time only (the Swift build never runs Python):

* pymatgen (``pymatgen.core.periodic_table.Element``): ``long_name``, ``atomic_mass``,
  ``X`` (Pauling electronegativity), ``common_oxidation_states``, ``group``, ``row``,
  ``block``.
* ElMD: its ``el_lookup/mod_petti.json`` table (modified Pettifor scale of Glawe et al.,
  New J. Phys. 18, 093011 (2016)). ElMD numbers the scale from 0 (He = 0 ... H = 102) and
  maps every element it does not cover (Z > 103) to the placeholder 0 as well. We store the
  paper's 1-based numbering, i.e. ElMD value + 1 (He = 1 ... H = 103), for Z <= 103 and
  ``nil`` for Z > 103. Differences between positions, which is all the element mover's
  distance uses, are unchanged by the shift.
* COVALENT_RADII below: single-bond covalent radii of Cordero et al., "Covalent radii
  revisited", Dalton Trans. 2008, 2832-2838, doi:10.1039/b801115j, in angstrom, typed in
  by hand. The paper covers Z = 1...96; C is the sp3 value, Mn/Fe/Co the low-spin values.

Conventions applied on top of pymatgen (also written into the Swift header):

* group: pymatgen gives group 3 to every lanthanide and actinide. We keep 3 for La and Ac
  only; Ce...Lu (58-71) and Th...Lr (90-103) get ``nil``.
* block: pymatgen's convention, unchanged: La, Ce...Yb, Ac, Th...No are "f"; Lu and Lr are
  "d".
* period: pymatgen ``row`` (lanthanides 6, actinides 7).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import warnings

import ElMD
import pymatgen.core
from pymatgen.core.periodic_table import Element as PmgElement

OUTPUT = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    "Sources", "Chemistry", "ElementData.swift",
)

# Cordero et al. 2008 single-bond covalent radii, angstrom, Z = 1...96.
COVALENT_RADII = {
    "H": 0.31, "He": 0.28,
    "Li": 1.28, "Be": 0.96, "B": 0.84, "C": 0.76, "N": 0.71, "O": 0.66, "F": 0.57, "Ne": 0.58,
    "Na": 1.66, "Mg": 1.41, "Al": 1.21, "Si": 1.11, "P": 1.07, "S": 1.05, "Cl": 1.02, "Ar": 1.06,
    "K": 2.03, "Ca": 1.76,
    "Sc": 1.70, "Ti": 1.60, "V": 1.53, "Cr": 1.39, "Mn": 1.39, "Fe": 1.32, "Co": 1.26,
    "Ni": 1.24, "Cu": 1.32, "Zn": 1.22,
    "Ga": 1.22, "Ge": 1.20, "As": 1.19, "Se": 1.20, "Br": 1.20, "Kr": 1.16,
    "Rb": 2.20, "Sr": 1.95,
    "Y": 1.90, "Zr": 1.75, "Nb": 1.64, "Mo": 1.54, "Tc": 1.47, "Ru": 1.46, "Rh": 1.42,
    "Pd": 1.39, "Ag": 1.45, "Cd": 1.44,
    "In": 1.42, "Sn": 1.39, "Sb": 1.39, "Te": 1.38, "I": 1.39, "Xe": 1.40,
    "Cs": 2.44, "Ba": 2.15,
    "La": 2.07, "Ce": 2.04, "Pr": 2.03, "Nd": 2.01, "Pm": 1.99, "Sm": 1.98, "Eu": 1.98,
    "Gd": 1.96, "Tb": 1.94, "Dy": 1.92, "Ho": 1.92, "Er": 1.89, "Tm": 1.90, "Yb": 1.87,
    "Lu": 1.87,
    "Hf": 1.75, "Ta": 1.70, "W": 1.62, "Re": 1.51, "Os": 1.44, "Ir": 1.41, "Pt": 1.36,
    "Au": 1.36, "Hg": 1.32,
    "Tl": 1.45, "Pb": 1.46, "Bi": 1.48, "Po": 1.40, "At": 1.50, "Rn": 1.50,
    "Fr": 2.60, "Ra": 2.21,
    "Ac": 2.15, "Th": 2.06, "Pa": 2.00, "U": 1.96, "Np": 1.90, "Pu": 1.87, "Am": 1.80,
    "Cm": 1.69,
}

LANTHANIDES_AFTER_LA = range(58, 72)  # Ce ... Lu
ACTINIDES_AFTER_AC = range(90, 104)   # Th ... Lr
PETTIFOR_MAX_Z = 103


def load_mod_pettifor() -> dict[str, int]:
    """ElMD's 0-based modified Pettifor lookup, read from the installed package."""
    path = os.path.join(os.path.dirname(ElMD.__file__), "el_lookup", "mod_petti.json")
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def swift_double(value: float) -> str:
    """Shortest round-tripping decimal; Swift parses it to the same Double."""
    text = repr(float(value))
    if "e" in text or "inf" in text or "nan" in text:
        raise ValueError(f"unexpected float literal {text}")
    return text


def swift_optional_double(value: float | None) -> str:
    return "nil" if value is None else swift_double(value)


def swift_optional_int(value: int | None) -> str:
    return "nil" if value is None else str(value)


def build_rows() -> list[dict]:
    petti = load_mod_pettifor()
    rows = []
    for z in range(1, 119):
        el = PmgElement.from_Z(z)
        symbol = el.symbol
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            x = el.X
        en = None if (x is None or math.isnan(x)) else float(x)

        if z in (57, 89):
            group = 3
        elif z in LANTHANIDES_AFTER_LA or z in ACTINIDES_AFTER_AC:
            group = None
        else:
            group = int(el.group)

        if z <= PETTIFOR_MAX_Z:
            if symbol not in petti:
                raise SystemExit(f"ElMD mod_petti has no entry for {symbol}")
            mod_pettifor = int(petti[symbol]) + 1
        else:
            mod_pettifor = None

        block = str(el.block)
        if block not in ("s", "p", "d", "f"):
            raise SystemExit(f"unexpected block {block!r} for {symbol}")

        rows.append({
            "z": z,
            "symbol": symbol,
            "name": str(el.long_name),
            "mass": float(el.atomic_mass),
            "group": group,
            "period": int(el.row),
            "block": block,
            "en": en,
            "petti": mod_pettifor,
            "ox": sorted(int(o) for o in el.common_oxidation_states),
            "radius": COVALENT_RADII.get(symbol),
        })
    validate(rows)
    return rows


def validate(rows: list[dict]) -> None:
    symbols = [r["symbol"] for r in rows]
    if len(set(symbols)) != 118:
        raise SystemExit("duplicate symbols")
    unknown = set(COVALENT_RADII) - set(symbols)
    if unknown:
        raise SystemExit(f"covalent radii for unknown symbols: {sorted(unknown)}")
    if len(COVALENT_RADII) != 96 or any(r["radius"] is None for r in rows[:96]):
        raise SystemExit("Cordero radii must cover exactly Z = 1...96")
    petti = [r["petti"] for r in rows if r["petti"] is not None]
    if sorted(petti) != list(range(1, PETTIFOR_MAX_Z + 1)):
        raise SystemExit("modified Pettifor numbers are not a permutation of 1...103")


def render(rows: list[dict]) -> str:
    lines = [
        "// GENERATED FILE - do not edit by hand.",
        "// Regenerate with: python3 scripts/generate-element-data.py",
        f"// Source versions: pymatgen {pymatgen.core.__version__}, ElMD (mod_petti lookup).",
        "//",
        "// Sources of the facts:",
        "// - name, atomicMass, paulingElectronegativity, commonOxidationStates, period, block:",
        "//   pymatgen.core.periodic_table.Element (long_name, atomic_mass, X,",
        "//   common_oxidation_states, row, block). pymatgen's atomic masses are IUPAC standard",
        "//   atomic weights of an older edition (e.g. H 1.00794, Zn 65.409); elements without",
        "//   stable isotopes carry a mass number.",
        "// - group: pymatgen's group, except for the lanthanides and actinides (below).",
        "// - modifiedPettifor: modified Pettifor scale of Glawe et al., New J. Phys. 18, 093011",
        "//   (2016), as tabulated by the ElMD package (mod_petti). Numbered 1...103 as in the",
        "//   paper (He = 1, Ne = 2, ..., F = 102, H = 103), i.e. ElMD's 0-based value + 1;",
        "//   nil for Z > 103, which the scale does not cover.",
        "// - covalentRadius: single-bond covalent radii of Cordero et al., Dalton Trans. 2008,",
        "//   2832-2838, in angstrom, for Z = 1...96 (C: sp3; Mn, Fe, Co: low spin); nil above.",
        "//",
        "// Conventions for the lanthanides and actinides:",
        "// - group: La and Ac are group 3; Ce...Lu (Z 58-71) and Th...Lr (Z 90-103) have",
        "//   group nil.",
        "// - block (pymatgen's convention): La, Ce...Yb, Ac and Th...No are \"f\"; Lu and Lr are",
        "//   \"d\". So Lu and Lr are d-block elements with group nil.",
        "// - period: lanthanides 6, actinides 7.",
        "",
        "/// The generated element table; see the header of this file for sources and conventions.",
        "enum ElementData {",
        "    /// All 118 elements in atomic-number order (index `z - 1`).",
        "    static let all: [Element] = [",
    ]
    for r in rows:
        ox = "[" + ", ".join(str(o) for o in r["ox"]) + "]"
        lines.append(
            "        Element("
            f"z: {r['z']}, symbol: \"{r['symbol']}\", name: \"{r['name']}\", "
            f"atomicMass: {swift_double(r['mass'])}, group: {swift_optional_int(r['group'])}, "
            f"period: {r['period']}, block: .{r['block']}, "
            f"paulingElectronegativity: {swift_optional_double(r['en'])}, "
            f"modifiedPettifor: {swift_optional_int(r['petti'])}, "
            f"commonOxidationStates: {ox}, "
            f"covalentRadius: {swift_optional_double(r['radius'])}),"
        )
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the committed file differs")
    parser.add_argument("--output", default=OUTPUT, help="path of the Swift file")
    args = parser.parse_args()

    text = render(build_rows())
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as handle:
                current = handle.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{args.output} is stale; rerun scripts/generate-element-data.py",
                  file=sys.stderr)
            return 1
        return 0
    with open(args.output, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
