#!/usr/bin/env python3
"""Generate Tests/ChemistryTests/Fixtures/pymatgen-formulas.json.

Every formula in the Stanev 2018 SuperCon subset (column `name`), the MDR 2024 SuperCon
release (column `formula`) and a hand-written list of tricky formulas is run through
`pymatgen.core.Composition`. For each distinct formula the fixture records either what
pymatgen makes of it (element fractions, reduced/Hill/anonymised formula, chemical system)
or the error it raises. The Swift formula parser is tested against this file.

Run from the repository root:

    python3 scripts/make-pymatgen-formula-fixture.py

Data is read from ../shared/data (relative to the repository root); nothing is copied.
"""

from __future__ import annotations

import csv
import json
import math
import sys
import warnings
from importlib.metadata import version
from pathlib import Path

from pymatgen.core import Composition

REPO = Path(__file__).resolve().parent.parent
DATA = (REPO / ".." / "shared" / "data" / "supercon").resolve()
STANEV = DATA / "stanev-2018.csv"
MDR = DATA / "mdr-2024" / "mdr.csv"
OUT = REPO / "Tests" / "ChemistryTests" / "Fixtures" / "pymatgen-formulas.json"

# Hand-written tricky formulas. Whitespace inside the strings is deliberate.
EXTRA = [
    # nested parentheses / brackets / braces
    "Ca3[Co2O6]",
    "Ag(AuS)2",
    "((CH3)4N)2[SnCl6]",
    "Mg3(PO4)2",
    "Ca5(PO4)3(OH)",
    "K4[Fe(CN)6]",
    "[Cu(NH3)4]SO4",
    "(NH4)2SO4",
    "Fe{CO}5",
    "Ca(OH)2",
    "Al2(SO4)3",
    "(Ba0.6K0.4)Fe2As2",
    "Li(Ni0.8Co0.15Al0.05)O2",
    "Ba(Fe0.9Co0.1)2As2",
    "(FeO)0.5",
    "Ca(OH)2.5",
    "((Fe))",
    "Fe(OH",  # unbalanced
    "Fe2O3)",  # unbalanced
    "()",
    "Ba(FeCo) 2 As 2",
    "Ba(Fe,Co)2As2",
    # hydrates / adducts
    "CuSO4·5H2O",
    "CuSO4*5H2O",
    "CuSO4.5H2O",
    "Na2CO3·10H2O",
    "CaSO4·0.5H2O",
    # decimals
    "Fe0.5Ni0.5",
    "Fe.5Ni.5",
    "YBa2Cu3O6.95",
    "Fe2.O3",
    "O.5",
    # scientific notation
    "Fe1e-3Ni",
    "Fe1E-3Ni",
    "Cu1e2O",
    "Fe2e0O3",
    # implicit 1 and plain compounds
    "NaCl",
    "Fe",
    "O",
    "O2",
    "H2",
    "CO",
    "Co",
    "MgB2",
    "CaTiO3",
    "FeFe",
    "OHO",
    "H2O2",
    # percent-style alloys
    "Nb50.35Zr44.45Mo5.2",
    "Ti50Ni50",
    "Nb99Ti1",
    "Au60Cu40",
    # deuterium / tritium
    "D2O",
    "T2O",
    "HD",
    "LiD",
    "PdD0.7",
    "H2D",
    # charged species / oxidation states
    "Fe2+",
    "O2-",
    "Fe3+",
    "Cu+2",
    "SO4--",
    "Fe[2+]",
    # malformed (several from SuperCon)
    "Sm1Ba-1Cu3O6.94",
    "Y2C2Br0.5!1.5",
    "O4+2",
    "Xx2O",
    "Fe0O",
    "Fe0",
    "Ga1Sr2Ca3Cu4O11.",
    "Eu1.45Pr0.05Ce0.5Sr2Cu2Nb1O10=z",
    "YBa2Cu3O7-d",
    "YBa2Cu3O7-δ",
    "fe2o3",
    "FE2O3",
    "Ee2O",
    "123",
    "",
    " Fe2O3 ",
    "Fe2O3 + C",
    "Fe2O3-Al2O3",
    "Fe₂O₃",
    # spaced formulas (SuperCon 2 text mining)
    "LaBi 3",
    "Al2 C2 Nb2 O2",
    "Fe 1.01 Se",
    "Ba K Fe2 As2",
    # variables
    "La2-xSrxCuO4",
    "Ba1-xKxFe2As2",
    "Bi2Sr2CaCu2O8+x",
    "SmFeAsO1-x",
    # unusual but real elements
    "Og",
    "Uue",
    "NpO2",
]


def read_column(path: Path, column: str) -> list[str]:
    with path.open(newline="", encoding="utf-8") as fh:
        return [row[column] for row in csv.DictReader(fh)]


def finite(x: float) -> float:
    if not math.isfinite(x):
        raise ValueError(f"non-finite amount {x!r}")
    return x


def describe(formula: str) -> dict:
    entry: dict = {"formula": formula}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            c = Composition(formula)
            amounts = {str(k): finite(float(v)) for k, v in c.get_el_amt_dict().items()}
            total = sum(amounts.values())
            fractions = {k: v / total for k, v in amounts.items()} if total > 0 else {}
            entry.update(
                ok=True,
                elements=[str(e) for e in c.elements],
                amounts=amounts,
                fractions=fractions,
                reduced_formula=c.reduced_formula,
                hill_formula=c.hill_formula,
                chemical_system=c.chemical_system,
                anonymized_formula=c.anonymized_formula,
                num_elements=len(c),
            )
    except Exception as e:  # noqa: BLE001 - we record whatever pymatgen raises
        entry = {"formula": formula, "ok": False, "error": f"{type(e).__name__}: {e}"}
    return entry


def main() -> int:
    sources: dict[str, set[str]] = {}
    for name, formulas in (
        ("stanev-2018", read_column(STANEV, "name")),
        ("mdr-2024", read_column(MDR, "formula")),
        ("hand", EXTRA),
    ):
        for f in formulas:
            sources.setdefault(f, set()).add(name)

    entries = []
    for f in sorted(sources):
        e = describe(f)
        e["sources"] = sorted(sources[f])
        entries.append(e)

    # Keep the fixture small: bulk (file-derived) entries carry only what the Swift test
    # compares (the fractional composition); hand-written
    # entries keep every field for reading.
    compact = []
    for e in entries:
        if e.get("ok") and "hand" not in e["sources"]:
            e = {k: e[k] for k in ("formula", "ok", "fractions")}
            e["fractions"] = {k: float(f"{v:.10g}") for k, v in e["fractions"].items()}
        compact.append(e)
    entries = compact

    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(e, ensure_ascii=False, allow_nan=False, separators=(",", ":")) for e in entries]
    header = {
        "generator": "scripts/make-pymatgen-formula-fixture.py",
        "pymatgen_version": version("pymatgen"),
        "python_version": sys.version.split()[0],
        "inputs": [
            "../shared/data/supercon/stanev-2018.csv (column name)",
            "../shared/data/supercon/mdr-2024/mdr.csv (column formula)",
            "hand-written list in the generator",
        ],
        "notes": "fractions = get_el_amt_dict() normalised to sum 1; elements = [str(e) for e in "
        "c.elements] (shows how D/T and dummy species like Xx are mapped); amounts = raw "
        "get_el_amt_dict(); sources says which input(s) the formula came from. pymatgen "
        "reads D and T as Element.D / Element.T, whose symbol is 'H': they are counted as H in amounts, "
        "fractions and formulas, but a formula with both H and D (HD, H2D) lists H twice in elements and "
        "has num_elements 2 while chemical_system is 'H'. Unknown two-letter symbols (Xx, Ee, and E in "
        "FE2O3) become DummySpecies ('Xx0+'). Empty compositions (Fe0) are ok with fractions {}.",
    }
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("{\n")
        for k, v in header.items():
            fh.write(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n")
        fh.write('"formulas": [\n')
        fh.write(",\n".join(lines))
        fh.write("\n]\n}\n")

    ok = [e for e in entries if e["ok"]]
    bad = [e for e in entries if not e["ok"]]
    print(f"pymatgen {version('pymatgen')}: {len(entries)} distinct formulas, {len(ok)} ok, {len(bad)} failed")
    print(f"wrote {OUT.relative_to(REPO)}")
    print("\nfailures:")
    for e in bad:
        print(f"  {e['formula']!r:45} [{','.join(e['sources'])}] {e['error']}")
    print("\nhand-written formulas that pymatgen accepts:")
    for e in ok:
        if "hand" in e["sources"]:
            print(f"  {e['formula']!r:45} -> {e['reduced_formula']:20} elements={e.get('elements')} amounts={e.get('amounts')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
