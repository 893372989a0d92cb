#!/usr/bin/env python3
"""Generate Tests/ChemistryTests/Fixtures/elmd-pairs.json.

Reference Element Mover's Distances (EleMD / ElMD, Hargreaves et al. 2020) computed by the
`ElMD` package with its modified Pettifor scale ("mod_petti"), for:

  * hand-picked pairs (NaCl/KCl, Fe2O3/Fe3O4, Cu/Cu, isotopes, scale extremes, ...),
  * formulas drawn deterministically (fixed seed) from the Stanev 2018 SuperCon subset,
    restricted to formulas that pymatgen parses and that ElMD's own parser reads to the same
    fractions as pymatgen: random pairs plus neighbouring pairs in sorted order (which are
    usually close chemically, so small distances are covered too).

The file also carries ElMD's mod_petti table (symbol -> integer position) so the Swift side
can check its own table, and a description of how ElMD computes the distance. The script
re-derives every distance from that description and refuses to write the fixture if the
description does not reproduce ElMD.

Run from the repository root:

    python3 scripts/make-elmd-fixture.py
"""

from __future__ import annotations

import csv
import json
import os
import random
import sys
import warnings
from importlib.metadata import version
from pathlib import Path

from ElMD import ElMD
from pymatgen.core import Composition

REPO = Path(__file__).resolve().parent.parent
STANEV = (REPO / ".." / "shared" / "data" / "supercon" / "stanev-2018.csv").resolve()
OUT = REPO / "Tests" / "ChemistryTests" / "Fixtures" / "elmd-pairs.json"

SEED = 20240322
N_RANDOM_PAIRS = 30
N_NEIGHBOUR_PAIRS = 16

HAND_PAIRS = [
    ("NaCl", "KCl"),
    ("Fe2O3", "Fe3O4"),
    ("Cu", "Cu"),
    ("CaTiO3", "SrTiO3"),  # ElMD's own unit test: 0.2
    ("CaTiO3", "NaCl"),
    ("Fe", "Fe2"),  # normalisation: same composition
    ("LiFePO4", "LiMnPO4"),
    ("MgB2", "AlB2"),
    ("YBa2Cu3O7", "YBa2Cu3O6.5"),
    ("La2CuO4", "La1.85Sr0.15CuO4"),
    ("BaFe2As2", "Ba0.6K0.4Fe2As2"),
    ("Cs", "F"),  # far apart on the scale
    ("He", "H"),  # the two ends of the scale (0 and 102)
    ("H2O", "D2O"),  # D and H share position 102
    ("HD", "H2"),  # shared position: ElMD overwrites instead of summing (see notes)
    ("PdD0.7", "PdH0.7"),  # D sits on H's position
    ("La2Sr0Cu0.9Zn0.1O4", "La2Cu0.9Zn0.1O4"),  # zero amount: ElMD keeps Sr with fraction 0
]


def pymatgen_fractions(formula: str) -> dict[str, float] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            amt = Composition(formula).get_el_amt_dict()
    except Exception:  # noqa: BLE001
        return None
    total = sum(amt.values())
    if total <= 0:
        return None
    return {k: v / total for k, v in amt.items()}


def reference_distance(fa: dict[str, float], fb: dict[str, float], scale: dict[str, int]) -> float:
    """Independent re-statement of ElMD's mod_petti distance (see DESCRIPTION)."""
    n = max(scale.values()) + 1

    def vector(fr: dict[str, float]) -> list[float]:
        v = [0.0] * n
        for el in sorted(fr):  # ElMD writes in sorted-symbol order; a shared slot keeps the last
            v[scale[el]] = fr[el]
        return v

    va, vb = vector(fa), vector(fb)
    total, running = 0.0, 0.0
    for x, y in zip(va, vb):
        running += x - y
        total += abs(running)
    return total


DESCRIPTION = {
    "api": "ElMD(a, metric='mod_petti').elmd(b); equivalently ElMD.elmd(a, b, metric='mod_petti')",
    "parsing": (
        "ElMD parses formulas itself (not with pymatgen): element regex ([A-Z][a-z]*)(\\d*\\.?\\d*[-+]?x?), "
        "brackets ([{ recurse with an optional trailing multiplier, repeated elements are summed, symbols "
        "not in the mod_petti table are silently dropped (strict_parsing=False, e.g. Xx2O -> O), other "
        "characters are skipped (no scientific notation: Fe1e-3Ni -> FeNi; CuSO4·5H2O -> CuSO4H2O), "
        "D and T stay as their own symbols, an element or count suffixed with x is read with x=1 "
        "('O7-x' -> O6, 'La2-xSrx' -> La1Sr1), a count ending in + or - without x raises. Pairs in this fixture "
        "only use formulas where ElMD's fractions equal pymatgen's (checked by the generator)."
    ),
    "normalisation": (
        "amounts are divided by their sum, so each composition is a set of atomic fractions summing to 1 "
        "(elements written with amount 0 are kept with fraction 0, which does not change the distance)"
    ),
    "vector": (
        "a dense vector of length max(mod_petti)+1 = 103 indexed by mod_petti position; v[pos(el)] = fraction(el). "
        "Written with numpy fancy assignment in sorted-symbol order, so when two symbols share a position "
        "(D, T and H are all 102; He and Rf..Og, Uue are all 0) the LAST symbol in sorted order wins and the "
        "fractions are NOT summed (HD gives v[102] = 0.5, not 1)."
    ),
    "distance": (
        "simple_emd(v1, v2) = sum over i=0..102 of |cumsum(v1 - v2)[i]|, i.e. the 1-D earth mover's "
        "(Wasserstein-1) distance on integer positions with unit spacing. No further normalisation or "
        "scaling: the result is in units of mod_petti positions, lies in [0, 102], is symmetric, and is 0 for "
        "identical fractions. The network-simplex solver in ElMD is only used for the other (vector) metrics."
    ),
    "floating_point": (
        "numpy float64; the distance accumulates left to right over positions 0..102 (numpy cumsum, then "
        "sum of abs). The total used for normalisation is summed in set-iteration order, which depends on "
        "Python's string hash seed, so ElMD's own fractions and distances differ between runs in the last "
        "bits (seen: up to ~1e-14 absolute). This file was generated with PYTHONHASHSEED=0. Compare with "
        "an absolute tolerance like 1e-12, not bit for bit."
    ),
}


def main() -> int:
    # ElMD builds its composition dicts from set unions, so the order in which it sums amounts
    # (and therefore the last bits of fractions and distances) depends on the string hash seed.
    # Pin it so that the fixture is reproducible.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})

    with STANEV.open(newline="", encoding="utf-8") as fh:
        names = sorted(row["name"] for row in csv.DictReader(fh))

    scale: dict[str, int] = dict(ElMD("H", metric="mod_petti").petti_lookup)

    # A formula is usable when ElMD's position vector equals the one built from pymatgen's
    # fractions. This tolerates the harmless differences (ElMD keeps D/T as their own symbols,
    # which sit on H's position anyway, and keeps zero-amount elements such as 'Sr0') and rejects
    # the real ones (e.g. a formula with both H and D, where ElMD overwrites one with the other).
    n = max(scale.values()) + 1
    usable: list[str] = []
    disagree: list[str] = []
    for f in names:
        fr = pymatgen_fractions(f)
        if fr is None:
            continue
        try:
            rv = ElMD(f, metric="mod_petti").ratio_vector
        except Exception:  # noqa: BLE001
            disagree.append(f)
            continue
        pv = [0.0] * n
        for el, x in fr.items():
            pv[scale[el]] += x
        if len(rv) != n or any(abs(float(a) - b) > 1e-12 for a, b in zip(rv, pv)):
            disagree.append(f)
            continue
        usable.append(f)

    rng = random.Random(SEED)
    drawn = rng.sample(usable, 2 * N_RANDOM_PAIRS)
    pairs = [(a, b, "hand") for a, b in HAND_PAIRS]
    pairs += [(drawn[2 * i], drawn[2 * i + 1], "stanev-random") for i in range(N_RANDOM_PAIRS)]
    starts = rng.sample(range(len(usable) - 1), N_NEIGHBOUR_PAIRS)
    pairs += [(usable[i], usable[i + 1], "stanev-neighbour") for i in sorted(starts)]

    out_pairs = []
    worst = 0.0
    for a, b, kind in pairs:
        ea, eb = ElMD(a, metric="mod_petti"), ElMD(b, metric="mod_petti")
        d = float(ea.elmd(b))
        d_rev = float(eb.elmd(a))
        mine = reference_distance(ea.normed_composition, eb.normed_composition, scale)
        worst = max(worst, abs(mine - d), abs(d_rev - d))
        out_pairs.append(
            {
                "a": a,
                "b": b,
                "kind": kind,
                "elmd": d,
                "fractions_a": dict(sorted(ea.normed_composition.items())),
                "fractions_b": dict(sorted(eb.normed_composition.items())),
            }
        )
    if worst > 1e-12:
        print(f"description does not reproduce ElMD: max deviation {worst}", file=sys.stderr)
        return 1

    doc = {
        "generator": "scripts/make-elmd-fixture.py",
        "elmd_version": version("ElMD"),
        "pymatgen_version": version("pymatgen"),
        "metric": "mod_petti",
        "seed": SEED,
        "pythonhashseed": os.environ.get("PYTHONHASHSEED"),
        "how_elmd_computes_mod_petti_distance": DESCRIPTION,
        "check": f"every distance re-derived from the description above; max |difference| = {worst:.3g}",
        "mod_petti": dict(sorted(scale.items(), key=lambda kv: (kv[1], kv[0]))),
        "pairs": out_pairs,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, indent=1, ensure_ascii=False, allow_nan=False)
    # keep each pair / table on one line for readable diffs
    lines = ["{"]
    items = list(doc.items())
    for i, (k, v) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        if k == "pairs":
            lines.append(f"{json.dumps(k)}: [")
            lines.append(",\n".join(json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in v))
            lines.append("]" + comma)
        elif k == "how_elmd_computes_mod_petti_distance":
            lines.append(f"{json.dumps(k)}: {{")
            sub = list(v.items())
            for j, (sk, sv) in enumerate(sub):
                lines.append(f" {json.dumps(sk)}: {json.dumps(sv, ensure_ascii=False)}" + ("," if j < len(sub) - 1 else ""))
            lines.append("}" + comma)
        else:
            lines.append(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{comma}")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)  # sanity
    OUT.write_text(text, encoding="utf-8")

    print(f"ElMD {version('ElMD')}: {len(out_pairs)} pairs written to {OUT.relative_to(REPO)}")
    print(f"Stanev formulas usable: {len(usable)}; parsed by pymatgen but giving a different ElMD vector: {len(disagree)}")
    for f in disagree[:20]:
        print(f"  ElMD != pymatgen: {f}")
    print(f"description reproduces ElMD to {worst:.3g}")
    for p in out_pairs:
        print(f"  {p['kind']:17} {p['a']:>34} | {p['b']:<34} {p['elmd']:.12g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
