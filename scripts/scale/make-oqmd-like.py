#!/usr/bin/env python3
"""Writes an OQMD-like composition table of N rows with N distinct compositions, for scale
benchmarks of `curate` (scripts/bench-scale.sh).

The rows are derived from the real Roost OQMD and MP tables in ../shared/data: each new row takes
a real composition, replaces each element with probability 1/2 by another element of the same
periodic-table group (so chemistry stays plausible), draws new small integer amounts, and
writes the fractions with six decimals as the OQMD file does. The target is the real row's value
plus Gaussian noise (sd 0.05 eV/atom). A composition already written is drawn again, so every
composition is distinct and records grow with rows (unlike repeating the file).

Usage: make-oqmd-like.py ROWS OUT.csv [--seed S] [--data ../shared/data]
Deterministic for a given seed and input files.
"""
import argparse
import csv
import random
import re
import sys
from pathlib import Path

GROUPS = [
    "H Li Na K Rb Cs", "Be Mg Ca Sr Ba", "Sc Y La Lu", "Ti Zr Hf", "V Nb Ta", "Cr Mo W",
    "Mn Tc Re", "Fe Ru Os", "Co Rh Ir", "Ni Pd Pt", "Cu Ag Au", "Zn Cd Hg", "B Al Ga In Tl",
    "C Si Ge Sn Pb", "N P As Sb Bi", "O S Se Te", "F Cl Br I",
    "Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb", "Th Pa U Np Pu",
]
GROUP_OF = {e: g.split() for g in GROUPS for e in g.split()}
TOKEN = re.compile(r"([A-Z][a-z]?)([0-9.]*)")


def read_bases(data: Path):
    bases = []
    for path, column, target in [
        (data / "oqmd/roost-oqmd-256k-testsplit.csv", "composition", "target"),
        (data / "mp/roost-mp-formation.csv", "composition", "formation_energy_per_atom"),
    ]:
        with open(path, newline="") as handle:
            for row in csv.DictReader(handle):
                elements = [m.group(1) for m in TOKEN.finditer(row[column])]
                try:
                    value = float(row[target])
                except ValueError:
                    continue
                if elements and all(e in GROUP_OF for e in elements):
                    bases.append((elements, value))
    return bases


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[2].parent / "shared" / "data"))
    args = parser.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        print(f"error: data directory {data} not found (pass --data DIR)", file=sys.stderr)
        return 2
    bases = read_bases(data)
    rng = random.Random(args.seed)
    seen = set()
    with open(args.out, "w", newline="") as out:
        out.write("id,composition,target\n")
        written = 0
        while written < args.rows:
            elements, value = bases[rng.randrange(len(bases))]
            swapped = [rng.choice(GROUP_OF[e]) if rng.random() < 0.5 else e for e in elements]
            if len(set(swapped)) != len(swapped):
                continue
            amounts = [rng.randint(1, 8) for _ in swapped]
            total = sum(amounts)
            text = "".join(f"{e}{a / total:.6f}" for e, a in zip(swapped, amounts))
            key = tuple(sorted((e, round(a / total, 6)) for e, a in zip(swapped, amounts)))
            if key in seen:
                continue
            seen.add(key)
            out.write(f"{written},{text},{value + rng.gauss(0, 0.05):.6f}\n")
            written += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
