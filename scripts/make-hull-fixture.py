#!/usr/bin/env python3
"""Writes Tests/PhaseStabilityTests/Fixtures/li-fe-o-hull.json: pymatgen PhaseDiagram results for the
375 Materials Project Li-Fe-O ComputedStructureEntry dicts in ../shared/data/mp/emmet/Li-Fe-O.json.gz.

Correction state: the entries' energies *as stored*, i.e. pymatgen's ComputedEntry.energy =
uncorrected energy + the stored MP2020 energy_adjustments. No compatibility scheme is re-applied.
The Swift side uses the same state (PhaseEntry(_, energy: .corrected(scheme: "MP2020"))).

Usage (from the repository root): python3 scripts/make-hull-fixture.py
"""
import gzip
import json
import os

from pymatgen.analysis.phase_diagram import PhaseDiagram
from pymatgen.entries.computed_entries import ComputedStructureEntry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "..", "shared", "data", "mp", "emmet", "Li-Fe-O.json.gz")
TARGET = os.path.join(ROOT, "Tests", "PhaseStabilityTests", "Fixtures", "li-fe-o-hull.json")

with gzip.open(SOURCE, "rt") as handle:
    entries = [ComputedStructureEntry.from_dict(d) for d in json.load(handle)]

diagram = PhaseDiagram(entries)
stable_ids = sorted(e.entry_id for e in diagram.stable_entries)
results = {}
for entry in entries:
    decomposition = diagram.get_decomposition(entry.composition)
    results[entry.entry_id] = {
        "energy_per_atom": entry.energy_per_atom,
        "formation_energy_per_atom": diagram.get_form_energy_per_atom(entry),
        "e_above_hull": diagram.get_e_above_hull(entry),
        "decomposition": {e.entry_id: amount for e, amount in decomposition.items()},
    }
import pymatgen.core
document = {
    "source": "mp/emmet/Li-Fe-O.json.gz",
    "correction_state": "as stored (MP2020 energy_adjustments applied)",
    "pymatgen_version": getattr(pymatgen.core, "__version__", "unknown"),
    "entry_count": len(entries),
    "stable_ids": stable_ids,
    "entries": results,
}
os.makedirs(os.path.dirname(TARGET), exist_ok=True)
with open(TARGET, "w") as handle:
    json.dump(document, handle, indent=1, sort_keys=True)
print(f"wrote {TARGET}: {len(entries)} entries, {len(stable_ids)} stable")
