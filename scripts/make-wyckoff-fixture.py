#!/usr/bin/env python3
"""Reference protostructure labels (aviary / Wren format) for the Wyckoff tests.

aviary's `aviary.wren.utils` now lives in pymatgen (`pymatgen.analysis.prototypes`, which
aviary-models 1.2 points to); this script calls `get_protostructure_label_from_spglib` there:
PyPI spglib at symprec 0.1 Å and angle tolerance 5°, canonicalised with pymatgen's relabelling
table, with its fallback to the refined cell at symprec 1e-5 when the multiplicities do not
reproduce the composition.

Structures: every file of ../shared/data/structures/pymatgen-util (pymatgen Structure JSON)
and every 40th file of ../shared/data/cif/mp (sorted names; read with pymatgen's CifParser).
Also records PyPI spglib's raw space group and Wyckoff letters, to tell a labelling difference
from a symmetry difference. Writes Tests/CrystalTests/Fixtures/wyckoff-labels.json.

Usage: python3 scripts/make-wyckoff-fixture.py
"""
import json
import pathlib
import warnings
from importlib.metadata import version

import spglib
from pymatgen.analysis.prototypes import get_protostructure_label_from_spglib
from pymatgen.core import Structure
from pymatgen.io.cif import CifParser
from pymatgen.symmetry.analyzer import SpacegroupAnalyzer

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
JSON_DIR = SHARED / "structures" / "pymatgen-util"
CIF_DIR = SHARED / "cif" / "mp"
OUT = ROOT / "Tests" / "CrystalTests" / "Fixtures" / "wyckoff-labels.json"
CIF_STEP = 40
SYMPREC = 0.1
ANGLE_TOLERANCE = 5.0


def record(source: str, file: str, structure: Structure) -> dict:
    """One fixture record; disordered structures get no label (aviary needs ordered sites)."""
    if not structure.is_ordered:
        return {"source": source, "file": file, "sites": len(structure), "ordered": False, "label": None}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        label = get_protostructure_label_from_spglib(structure, raise_errors=False, init_symprec=SYMPREC)
    analyzer = SpacegroupAnalyzer(structure, symprec=SYMPREC, angle_tolerance=ANGLE_TOLERANCE)
    data = analyzer.get_symmetry_dataset()
    return {
        "source": source,
        "file": file,
        "sites": len(structure),
        "ordered": True,
        "oxidation_states": any(getattr(sp, "oxi_state", None) is not None for sp in structure.species),
        "label": label,
        "spacegroup": int(data.number),
        "wyckoffs": "".join(data.wyckoffs),
    }


def main() -> None:
    records = []
    for path in sorted(JSON_DIR.glob("*.json")):
        structure = Structure.from_dict(json.loads(path.read_text()))
        records.append(record("pymatgen-util", path.name, structure))
    for path in sorted(CIF_DIR.glob("*.cif"))[::CIF_STEP]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            structure = CifParser(str(path)).parse_structures(primitive=False)[0]
        records.append(record("cif/mp", path.name, structure))
    fixture = {
        "generator": "scripts/make-wyckoff-fixture.py",
        "pymatgen": version("pymatgen"),
        "aviary-models": version("aviary-models"),
        "spglib": spglib.__version__,
        "symprec": SYMPREC,
        "angle_tolerance": ANGLE_TOLERANCE,
        "records": records,
    }
    OUT.write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"wrote {len(records)} records to {OUT}")


if __name__ == "__main__":
    main()
