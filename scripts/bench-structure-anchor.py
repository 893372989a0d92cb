#!/usr/bin/env python3
"""Python anchor for `curate structure DIR --json`: pymatgen CifParser + moyopy on every CIF.

For each `*.cif` under DIR (sorted): CifParser(path).parse_structures(primitive=False), then for
each ordered structure moyopy.MoyoDataset(cell, symprec=0.1) -> space group number and Wyckoff
letters; prints one JSON line per structure (as curate does), so the work includes output.
`--jobs N` spreads the files over N processes (multiprocessing.Pool, ordered imap); default 1.
Usage: python3 scripts/bench-structure-anchor.py DIR [--jobs N] > out.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from multiprocessing import Pool
from pathlib import Path

import moyopy
from pymatgen.io.cif import CifParser


def describe(path: str) -> list[str]:
    warnings.simplefilter("ignore")
    try:
        structures = CifParser(path).parse_structures(primitive=False)
    except Exception as error:  # the failure is part of the timed work
        return [json.dumps({"file": path, "status": "failed", "error": str(error)})]
    lines = []
    for s in structures:
        out = {"file": path, "status": "ok", "formula": s.composition.formula, "sites": len(s),
               "volume": s.volume, "ordered": s.is_ordered}
        if s.is_ordered:
            cell = moyopy.Cell(s.lattice.matrix.tolist(), s.frac_coords.tolist(),
                               [site.specie.Z for site in s])
            try:
                d = moyopy.MoyoDataset(cell, symprec=0.1)
                out["space_group_number"] = d.number
                out["wyckoff_letters"] = list(d.wyckoffs)
            except Exception as error:
                out["symmetry_note"] = str(error)
        lines.append(json.dumps(out))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    files = sorted(str(p) for p in Path(args.dir).rglob("*.cif"))
    if args.jobs > 1:
        with Pool(args.jobs) as pool:
            results = pool.imap(describe, files, chunksize=16)
            for lines in results:
                sys.stdout.write("\n".join(lines) + "\n")
    else:
        for path in files:
            sys.stdout.write("\n".join(describe(path)) + "\n")


if __name__ == "__main__":
    main()
