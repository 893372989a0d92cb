#!/usr/bin/env python3
"""Writes Tests/PhaseStabilityTests/Fixtures/mp-hull-subset.json: pymatgen PhaseDiagram results for the
composition-only Materials Project formation energies of ../shared/data/mp/roost-mp-formation.csv
whose elements lie within Li-Mn-O-P, Ba-Sr-Ti-O or Na-K-Cl (about 370 rows).

Entries are PDEntry(composition, formation_energy_per_atom * num_atoms); every element gets a
reference PDEntry at energy 0 (the file has no elemental rows), exactly as `curate hull --store`
does with its implicit references. One PhaseDiagram per space (disjoint spaces).

Usage (from the repository root): python3 scripts/make-hull-mp-fixture.py
"""
import csv
import json
import os

import pymatgen.core
from pymatgen.analysis.phase_diagram import PDEntry, PhaseDiagram
from pymatgen.core import Composition

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "..", "shared", "data", "mp", "roost-mp-formation.csv")
TARGET = os.path.join(ROOT, "Tests", "PhaseStabilityTests", "Fixtures", "mp-hull-subset.json")
SPACES = [("Li", "Mn", "O", "P"), ("Ba", "Sr", "Ti", "O"), ("Na", "K", "Cl")]

with open(SOURCE, newline="") as handle:
    rows = list(csv.DictReader(handle))

results = []
for space in SPACES:
    entries = []
    for row in rows:
        composition = Composition(row["composition"])
        if {e.symbol for e in composition.elements} <= set(space):
            energy = float(row["formation_energy_per_atom"]) * composition.num_atoms
            entries.append(PDEntry(composition, energy, name=row["task_id"]))
    references = [PDEntry(Composition(symbol), 0.0, name="ref-" + symbol) for symbol in space]
    diagram = PhaseDiagram(entries + references)
    stable = {id(e) for e in diagram.stable_entries}
    for entry in entries:
        decomposition, e_hull = diagram.get_decomp_and_e_above_hull(entry, allow_negative=True)
        products = {}
        for product, amount in decomposition.items():
            formula = product.composition.reduced_formula
            products[formula] = products.get(formula, 0.0) + amount
        results.append({
            "id": entry.name,
            "composition": entry.composition.formula.replace(" ", ""),
            "formation_energy_per_atom": entry.energy_per_atom,
            "e_above_hull": e_hull,
            "stable": id(entry) in stable,
            "phase_separation_energy": diagram.get_phase_separation_energy(entry),
            "decomposition": products,
        })

document = {
    "source": "mp/roost-mp-formation.csv",
    "spaces": ["-".join(space) for space in SPACES],
    "references": "every element at formation energy 0",
    "pymatgen_version": getattr(pymatgen.core, "__version__", "unknown"),
    "entries": results,
}
os.makedirs(os.path.dirname(TARGET), exist_ok=True)
with open(TARGET, "w") as handle:
    json.dump(document, handle, indent=0, sort_keys=True)
print(f"wrote {TARGET}: {len(results)} entries, {sum(r['stable'] for r in results)} stable")
