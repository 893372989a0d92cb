#!/usr/bin/env python3
"""Generate a structure benchmark table of N structures from the real MP CIFs, for the scale
benchmark (`curate ingest structures`): an MP-20-like CSV (`,material_id,cif,formation_energy_per_atom`)
written with gzip.

Each row takes one of the 4,704 CIFs in ../shared/data/cif/mp (chosen with a seeded generator)
and changes it so that rows are distinct structures, not repeats:
- every element is replaced by one from the same periodic-table group (distinct elements stay
  distinct; an element with no group partner keeps its symbol), in the site lines, labels, the
  data block name and both formula lines;
- the cell lengths are each scaled by a factor in [0.97, 1.03] and the angles moved by up to
  0.5 degrees (the volume line follows);
- every fractional coordinate moves by up to 0.002.
The value column is the source file's MP formation energy (from ../shared/data/mp/roost-mp-formation.csv
when the id is there, else 0) plus Gaussian noise of 0.05 eV/atom.

Text is edited line by line (pymatgen would take hours for a million CIFs); the output is
deterministic for a given seed. Usage: make-structures.py N OUT.csv.gz [--seed S] [--data DIR]
"""
import argparse
import csv
import gzip
import io
import math
import os
import random
import re
import sys

GROUPS = [
    "H Li Na K Rb Cs", "Be Mg Ca Sr Ba", "Sc Y La Lu", "Ti Zr Hf", "V Nb Ta", "Cr Mo W", "Mn Tc Re",
    "Fe Ru Os", "Co Rh Ir", "Ni Pd Pt", "Cu Ag Au", "Zn Cd Hg", "B Al Ga In Tl", "C Si Ge Sn Pb",
    "N P As Sb Bi", "O S Se Te", "F Cl Br I", "He Ne Ar Kr Xe",
    "Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb", "Th Pa U Np Pu",
]
PARTNERS = {}
for line in GROUPS:
    members = line.split()
    for element in members:
        PARTNERS[element] = members

FORMULA_TOKEN = re.compile(r"([A-Z][a-z]?)")


def substitution(elements, rng):
    """A map element -> element of the same group, injective over `elements`."""
    mapping = {}
    taken = set()
    for element in sorted(elements):
        choices = [e for e in PARTNERS.get(element, [element]) if e not in taken]
        choice = rng.choice(choices) if choices else element
        if choice in taken:
            choice = element
        mapping[element] = choice
        taken.add(choice)
    if len(set(mapping.values())) != len(mapping):  # fall back to the identity on a clash
        mapping = {e: e for e in elements}
    return mapping


def rename(text, mapping):
    return FORMULA_TOKEN.sub(lambda m: mapping.get(m.group(1), m.group(1)), text)


def volume(a, b, c, alpha, beta, gamma):
    ca, cb, cg = (math.cos(math.radians(x)) for x in (alpha, beta, gamma))
    return a * b * c * math.sqrt(max(0.0, 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg))


def transform(text, rng):
    lines = text.split("\n")
    elements = set()
    in_sites = False
    for line in lines:
        parts = line.split()
        if line.startswith(" _atom_site_"):
            in_sites = True
        elif in_sites and len(parts) >= 7:
            elements.add(parts[0])
    mapping = substitution(elements, rng)
    cell = {}
    for line in lines:
        for key in ("a", "b", "c"):
            if line.startswith(f"_cell_length_{key} "):
                cell[key] = float(line.split()[1]) * rng.uniform(0.97, 1.03)
        for key in ("alpha", "beta", "gamma"):
            if line.startswith(f"_cell_angle_{key} "):
                cell[key] = float(line.split()[1]) + rng.uniform(-0.5, 0.5)
    out = []
    in_sites = False
    for line in lines:
        parts = line.split()
        if line.startswith("data_") or line.startswith("_chemical_formula_"):
            out.append(rename(line, mapping))
        elif line.startswith("_cell_length_") or line.startswith("_cell_angle_"):
            key = line.split()[0].rsplit("_", 1)[1]
            out.append(f"{line.split()[0]}   {cell[key]:.8f}")
        elif line.startswith("_cell_volume"):
            v = volume(cell["a"], cell["b"], cell["c"], cell["alpha"], cell["beta"], cell["gamma"])
            out.append(f"_cell_volume   {v:.8f}")
        elif line.startswith(" _atom_site_"):
            in_sites = True
            out.append(line)
        elif in_sites and len(parts) >= 7:
            symbol = mapping.get(parts[0], parts[0])
            label = symbol + parts[1][len(parts[0]):]
            xyz = [float(x) + rng.uniform(-0.002, 0.002) for x in parts[3:6]]
            out.append(f"  {symbol}  {label}  {parts[2]}  {xyz[0]:.8f}  {xyz[1]:.8f}  {xyz[2]:.8f}  {parts[6]}")
        else:
            out.append(line)
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=0)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--data", default=os.path.join(here, "..", "..", "..", "shared", "data"))
    args = parser.parse_args()
    folder = os.path.join(args.data, "cif", "mp")
    if not os.path.isdir(folder):
        sys.exit(f"error: {folder} is missing (the MP CIFs of ../shared/data)")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".cif"))
    texts = []
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            texts.append((name[:-4], handle.read()))
    energies = {}
    table = os.path.join(args.data, "mp", "roost-mp-formation.csv")
    if os.path.exists(table):
        with open(table, newline="") as handle:
            reader = csv.DictReader(handle)
            id_key = next((k for k in reader.fieldnames if k in ("material_id", "task_id", "mp_id", "id")), None)
            value_key = next((k for k in reader.fieldnames if "formation" in k or k in ("E_f", "e_form")), None)
            if id_key and value_key:
                for row in reader:
                    try:
                        energies[row[id_key]] = float(row[value_key])
                    except ValueError:
                        pass
    rng = random.Random(args.seed)
    with gzip.open(args.out, "wt", encoding="utf-8", newline="", compresslevel=1) as raw:
        writer = csv.writer(raw, lineterminator="\n")
        writer.writerow(["", "material_id", "cif", "formation_energy_per_atom"])
        for index in range(args.rows):
            source, text = texts[rng.randrange(len(texts))]
            energy = energies.get(source, 0.0) + rng.gauss(0.0, 0.05)
            writer.writerow([index, f"gen-{index}-{source}", transform(text, rng), f"{energy:.6f}"])
    print(f"wrote {args.rows} structures to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
