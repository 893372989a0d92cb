#!/usr/bin/env python3
"""Writes Tests/IngestTests/Fixtures/li-fe-o-entries.json: what pymatgen makes of the 375
Materials Project Li-Fe-O ComputedStructureEntry dicts in ../shared/data/mp/emmet/Li-Fe-O.json.gz,
for `curate ingest mp` (MaterialsProjectJSONIngestTests).

Per entry: the uncorrected and corrected (as stored: MP2020 energy_adjustments applied) energy
per atom, the formation energy per atom from PhaseDiagram (lowest-energy elemental entries of
the same set, corrected energies), the run type, and the space group from spglib through
SpacegroupAnalyzer with the Materials Project tolerances (symprec 0.1, angle tolerance 5).

Usage (from the repository root): python3 scripts/make-dft-ingest-fixture.py
"""
import gzip
import json
import os

import pymatgen.core
from pymatgen.analysis.phase_diagram import PhaseDiagram
from pymatgen.entries.computed_entries import ComputedStructureEntry
from pymatgen.symmetry.analyzer import SpacegroupAnalyzer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "..", "shared", "data", "mp", "emmet", "Li-Fe-O.json.gz")
TARGET = os.path.join(ROOT, "Tests", "IngestTests", "Fixtures", "li-fe-o-entries.json")

with gzip.open(SOURCE, "rt") as handle:
    entries = [ComputedStructureEntry.from_dict(d) for d in json.load(handle)]

diagram = PhaseDiagram(entries)
results = {}
for entry in entries:
    analyzer = SpacegroupAnalyzer(entry.structure, symprec=0.1, angle_tolerance=5)
    results[entry.entry_id] = {
        "uncorrected_energy_per_atom": entry.uncorrected_energy_per_atom,
        "energy_per_atom": entry.energy_per_atom,
        "formation_energy_per_atom": diagram.get_form_energy_per_atom(entry),
        "run_type": entry.parameters.get("run_type"),
        "space_group": analyzer.get_space_group_number(),
        "adjusted": bool(entry.energy_adjustments),
    }
document = {
    "source": "mp/emmet/Li-Fe-O.json.gz",
    "correction_state": "as stored (MP2020 energy_adjustments applied)",
    "symmetry": "SpacegroupAnalyzer(symprec=0.1, angle_tolerance=5)",
    "pymatgen_version": getattr(pymatgen.core, "__version__", "unknown"),
    "entry_count": len(entries),
    "entries": results,
}
os.makedirs(os.path.dirname(TARGET), exist_ok=True)
with open(TARGET, "w") as handle:
    json.dump(document, handle, indent=1, sort_keys=True)
print(f"wrote {TARGET}: {len(entries)} entries")
