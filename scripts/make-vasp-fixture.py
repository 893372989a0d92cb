#!/usr/bin/env python3
"""Writes Tests/IngestTests/Fixtures/vasp-pymatgen.json: what pymatgen's Vasprun reads from every
file in ../shared/data/vasp (final energy, atoms, lattice, composition, convergence flags, run
type), the reference `curate ingest vasp` is checked against. A file pymatgen refuses is listed
with its error instead. Usage: scripts/make-vasp-fixture.py [DATA_DIR] [OUT]
"""
import json
import os
import sys
import warnings

from pymatgen.io.vasp.outputs import Vasprun

here = os.path.dirname(os.path.abspath(__file__))
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "data", "vasp")
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "Tests", "IngestTests", "Fixtures", "vasp-pymatgen.json")

files = {}
for name in sorted(os.listdir(data)):
    path = os.path.join(data, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            run = Vasprun(path, parse_dos=False, parse_eigen=False, parse_projected_eigen=False, parse_potcar_file=False)
            structure = run.final_structure
            entry = {
                "final_energy": float(run.final_energy),
                "natoms": len(structure),
                "lattice": [[float(x) for x in row] for row in structure.lattice.matrix],
                "composition": {str(el): float(n) for el, n in structure.composition.items()},
                "converged_electronic": bool(run.converged_electronic),
                "converged_ionic": bool(run.converged_ionic),
                "run_type": run.run_type,
                "is_hubbard": bool(run.is_hubbard),
                "ionic_steps": len(run.ionic_steps),
                "vasp_version": run.vasp_version,
            }
    except Exception as error:  # pymatgen refuses the file: record why
        entry = {"error": f"{type(error).__name__}: {str(error)[:200]}"}
    files[name] = entry

with open(out, "w") as handle:
    json.dump({"generator": "scripts/make-vasp-fixture.py (pymatgen Vasprun)", "files": files}, handle, indent=1, sort_keys=True)
    handle.write("\n")
print(out)
