#!/usr/bin/env python3
"""Reference Cu–O distances for the Cuprates tests, from pymatgen's neighbour analysis.

Writes Tests/CupratesTests/Fixtures/pymatgen-cu-o-distances.json: for every cuprate CIF under
../shared/data/cif/{mp,mp-doped} (formula with Cu and O, at least one CuO2-plane copper) every structure
of mp/ and every --doped-stride-th of mp-doped/, the sorted in-plane Cu–O bond lengths and apical Cu–O distances that pymatgen's
periodic neighbour search gives, with the same geometric rules as `Sources/Cuprates`:

- a bridging oxygen: an O site within 2.2 Å of a Cu site that is also within 2.2 Å of another
  Cu site (another periodic image or another site), with Cu–O–Cu above 150°;
- a plane copper: one with at least four bridging oxygens, two of them at right angles
  (|cos| < 0.3); the plane normal is the eigenvector of sum(u u^T) over the bridge directions u
  with the smallest eigenvalue, which must be below 0.6 times the middle one (no 3D network);
- in-plane bonds: the bridging oxygens of a plane copper (|cos to the normal| < 0.5);
- apical distance: the nearest oxygen within 3.1 Å that lies within 30° of the normal (none: T').

Coincident sites (La/Sr sharing a position) are merged by pymatgen's CIF parser; the Swift side
merges them too. Run from the repository root: python3 scripts/make-cuprate-distance-fixture.py
"""
import argparse
import json
import math
import os
import re
import warnings

import numpy as np
from pymatgen.core import Structure

BOND = 2.2
APICAL_CUTOFF = 3.1
BRIDGE_ANGLE = 150.0
PERPENDICULAR_COS = 0.3
IN_PLANE_COS = 0.5
PLANARITY = 0.6
APICAL_COS = math.cos(math.radians(30))


def has(site, symbol):
    return any(el.symbol == symbol for el in site.species.elements)


def plane_copper(structure, index):
    site = structure[index]
    neighbours = structure.get_neighbors(site, APICAL_CUTOFF)
    oxygens = [n for n in neighbours if has(n, "O")]
    bridging = []
    for n in oxygens:
        if n.nn_distance > BOND:
            continue
        to_o = n.coords - site.coords
        for m in structure.get_sites_in_sphere(n.coords, BOND):
            if not has(m, "Cu") or np.linalg.norm(m.coords - site.coords) < 0.1:
                continue
            to_cu = m.coords - n.coords
            cos = np.dot(-to_o, to_cu) / (np.linalg.norm(to_o) * np.linalg.norm(to_cu))
            if math.degrees(math.acos(max(-1.0, min(1.0, cos)))) > BRIDGE_ANGLE:
                bridging.append((n.nn_distance, to_o / np.linalg.norm(to_o)))
                break
    if len(bridging) < 4:
        return None
    perpendicular = any(abs(np.dot(bridging[i][1], bridging[j][1])) < PERPENDICULAR_COS
                        for i in range(len(bridging)) for j in range(i + 1, len(bridging)))
    if not perpendicular:
        return None
    scatter = sum(np.outer(u, u) for _, u in bridging)
    values, vectors = np.linalg.eigh(scatter)
    if values[0] >= PLANARITY * values[1]:
        return None
    normal = vectors[:, 0]
    in_plane = sorted(d for d, u in bridging if abs(np.dot(u, normal)) < IN_PLANE_COS)
    apical = None
    for n in oxygens:
        u = (n.coords - site.coords) / n.nn_distance
        if abs(np.dot(u, normal)) >= APICAL_COS:
            apical = n.nn_distance if apical is None else min(apical, n.nn_distance)
    return in_plane, apical


def formula_has_cu_o(text):
    m = re.search(r"_chemical_formula_sum\s+'?([^'\n]+)'?", text)
    return bool(m) and re.search(r"\bCu[\d.]*\b", m.group(1)) and re.search(r"\bO[\d.]*\b", m.group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/data/cif")
    parser.add_argument("--doped-stride", type=int, default=5,
                        help="take every n-th doped cuprate (the doped files are mostly La214 variants)")
    parser.add_argument("--out", default="Tests/CupratesTests/Fixtures/pymatgen-cu-o-distances.json")
    args = parser.parse_args()
    entries = []
    for folder in ("mp", "mp-doped"):
        names = sorted(os.listdir(os.path.join(args.data, folder)))
        taken = 0
        for name in names:
            path = os.path.join(args.data, folder, name)
            with open(path) as handle:
                if not formula_has_cu_o(handle.read()):
                    continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    structure = Structure.from_file(path)
                except Exception:
                    continue
            planes = []
            for index, site in enumerate(structure):
                if has(site, "Cu"):
                    found = plane_copper(structure, index)
                    if found is not None:
                        planes.append(found)
            if not planes:
                continue
            taken += 1
            if folder == "mp-doped" and taken % args.doped_stride != 1:
                continue
            entries.append({
                "file": f"{folder}/{name}",
                "planeCopperCount": len(planes),
                "inPlane": sorted(round(d, 6) for p in planes for d in p[0]),
                "apical": sorted(round(p[1], 6) for p in planes if p[1] is not None),
            })
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as handle:
        json.dump({"tool": "pymatgen get_neighbors", "entries": entries}, handle, indent=1)
        handle.write("\n")
    print(f"{len(entries)} structures written to {args.out}")


if __name__ == "__main__":
    main()
