#!/usr/bin/env python3
"""Python side of the CIF benchmark: pymatgen CifParser (+ SpacegroupAnalyzer) on the MP CIFs.

Single-threaded. All `.cif` files of `--cif-dir` (default ../shared/data/cif/mp, 4,704 files) are
read into memory once, before timing (as `curate bench` does). Two loops over all files:

  * parse:    CifParser.from_str(text).parse_structures(primitive=False)
  * symmetry: the same, then SpacegroupAnalyzer(s, symprec=0.1).get_space_group_symbol()
              for the first structure

Each loop runs `--repeat` times (default 3); the best (shortest) time is reported. Files that
fail are caught and counted (the exception is part of the timed work). Prints one JSON line:

  {"tool": "pymatgen", "version": ..., "files": n, "parse_seconds": s, "parse_per_second": r,
   "symmetry_seconds": s2, "symmetry_per_second": r2, "parse_failed": k, ...}

Run from the repository root:  python3 scripts/bench-pymatgen-cif.py [--repeat N] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import warnings
from importlib.metadata import version
from pathlib import Path

from pymatgen.io.cif import CifParser
from pymatgen.symmetry.analyzer import SpacegroupAnalyzer

REPO = Path(__file__).resolve().parent.parent
MP = (REPO / ".." / "shared" / "data" / "cif" / "mp").resolve()


def parse(texts: list[str]) -> int:
    failed = 0
    for text in texts:
        try:
            CifParser.from_str(text).parse_structures(primitive=False)
        except Exception:  # noqa: BLE001
            failed += 1
    return failed


def parse_and_symmetry(texts: list[str]) -> int:
    failed = 0
    for text in texts:
        try:
            structures = CifParser.from_str(text).parse_structures(primitive=False)
            SpacegroupAnalyzer(structures[0], symprec=0.1).get_space_group_symbol()
        except Exception:  # noqa: BLE001
            failed += 1
    return failed


def best_of(fn, texts: list[str], repeat: int) -> tuple[float, int]:
    best, failed = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        failed = fn(texts)
        best = min(best, time.perf_counter() - t0)
    return best, failed


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cif-dir", type=Path, default=MP)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    args = ap.parse_args()

    paths = sorted(p for p in args.cif_dir.iterdir() if p.suffix == ".cif")
    if not paths:
        print(f"no CIF files in {args.cif_dir}", file=sys.stderr)
        return 1
    if args.limit:
        paths = paths[: args.limit]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]

    warnings.simplefilter("ignore")
    parse_and_symmetry(texts[:20])  # warm-up (imports, caches)
    s_parse, failed_parse = best_of(parse, texts, args.repeat)
    s_sym, failed_sym = best_of(parse_and_symmetry, texts, args.repeat)

    n = len(texts)
    print(
        json.dumps(
            {
                "tool": "pymatgen",
                "version": version("pymatgen"),
                "spglib": version("spglib"),
                "files": n,
                "parse_seconds": round(s_parse, 4),
                "parse_per_second": round(n / s_parse, 2),
                "symmetry_seconds": round(s_sym, 4),
                "symmetry_per_second": round(n / s_sym, 2),
                "parse_failed": failed_parse,
                "symmetry_failed": failed_sym,
                "repeat": args.repeat,
                "python": platform.python_version(),
                "machine": platform.machine(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
