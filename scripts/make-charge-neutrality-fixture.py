#!/usr/bin/env python3
"""Reference fixture for curate's charge-neutrality rule (Sources/Chemistry/ChargeNeutrality.swift).

Generates seeded random ionic compositions (1-3 cations, 1-2 anions, integer amounts 1-7, at
most 24 atoms) and asks pymatgen whether any assignment of oxidation states balances them
(``Composition.oxi_state_guesses``, which by default draws from the ICSD oxidation states and
lets an element's sites take different states). Writes
Tests/ChemistryTests/Fixtures/charge-neutrality-pymatgen.json.

    python3 scripts/make-charge-neutrality-fixture.py

pymatgen assigns integer states site by site, curate lets the average state of an element vary
continuously between its lowest and highest observed state, so curate may call a composition
possible that pymatgen cannot balance (gapped state lists such as As -3/+3/+5), never the
reverse; the test checks that direction and the agreement rate.
"""
import json
import random
from pathlib import Path

import pymatgen.core
from pymatgen.core import Composition

CATIONS = ["Li", "Na", "K", "Mg", "Ca", "Sr", "Ba", "Y", "La", "Ce", "Ti", "V", "Cr", "Mn", "Fe",
           "Co", "Ni", "Cu", "Zn", "Nb", "Mo", "Ru", "Ag", "In", "Sn", "Pb", "Bi", "Hg", "Tl", "Al"]
ANIONS = ["O", "F", "Cl", "S", "Se", "N", "Br"]
OUT = Path(__file__).resolve().parent.parent / "Tests/ChemistryTests/Fixtures/charge-neutrality-pymatgen.json"


def main() -> None:
    rng = random.Random(20261208)
    cases = []
    seen = set()
    while len(cases) < 400:
        elements = rng.sample(CATIONS, rng.randint(1, 3)) + rng.sample(ANIONS, rng.randint(1, 2))
        amounts = [rng.randint(1, 7) for _ in elements]
        if sum(amounts) > 24:
            continue
        formula = "".join(f"{e}{a}" for e, a in zip(elements, amounts))
        if formula in seen:
            continue
        seen.add(formula)
        balanced = len(Composition(formula).oxi_state_guesses()) > 0
        cases.append({"formula": formula, "pymatgen_balanced": balanced})
    OUT.write_text(json.dumps({"generator": "scripts/make-charge-neutrality-fixture.py",
                               "pymatgen": pymatgen.core.__version__, "cases": cases}, indent=1) + "\n")
    print(f"{len(cases)} cases, {sum(c['pymatgen_balanced'] for c in cases)} balanced by pymatgen")


if __name__ == "__main__":
    main()
