#!/usr/bin/env python3
"""Python side of the formula-parsing benchmark: pymatgen Composition on the Stanev names.

Single-threaded. Two loops over all 16,414 `name`s of ../shared/data/supercon/stanev-2018.csv:

  * full:       Composition(name), then .fractional_composition and .reduced_formula
  * parse-only: Composition(name)

Each loop runs `--repeat` times (default 3); the best (shortest) time is reported. Formulas
that pymatgen rejects are caught and counted (the exception is part of the timed work).
The CSV is read once, before timing. Prints one JSON line to stdout:

  {"tool": "pymatgen", "version": ..., "formulas": n, "seconds": s, "per_second": r,
   "parse_only_seconds": s2, "parse_only_per_second": r2, "failed": k, ...}

Run from the repository root:  python3 scripts/bench-pymatgen-composition.py
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import sys
import time
import warnings
from importlib.metadata import version
from pathlib import Path

from pymatgen.core import Composition
from pymatgen.core import composition as _composition_module

# Recent pymatgen memoises formula parsing in an lru_cache (maxsize 512). The Stanev names are
# all distinct, so it cannot help a single pass; it is cleared before every timed run so that
# leftovers from the previous run (or the warm-up) are not counted.
_FORMULA_CACHE = getattr(_composition_module, "_parse_formula_cached", None)


def clear_formula_cache() -> None:
    if _FORMULA_CACHE is not None and hasattr(_FORMULA_CACHE, "cache_clear"):
        _FORMULA_CACHE.cache_clear()

REPO = Path(__file__).resolve().parent.parent
STANEV = (REPO / ".." / "shared" / "data" / "supercon" / "stanev-2018.csv").resolve()


def full(names: list[str]) -> int:
    failed = 0
    for n in names:
        try:
            c = Composition(n)
            c.fractional_composition
            c.reduced_formula
        except Exception:  # noqa: BLE001
            failed += 1
    return failed


def parse_only(names: list[str]) -> int:
    failed = 0
    for n in names:
        try:
            Composition(n)
        except Exception:  # noqa: BLE001
            failed += 1
    return failed


def best_of(fn, names: list[str], repeat: int) -> tuple[float, int]:
    best, failed = float("inf"), 0
    for _ in range(repeat):
        clear_formula_cache()
        t0 = time.perf_counter()
        failed = fn(names)
        best = min(best, time.perf_counter() - t0)
    return best, failed


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    with STANEV.open(newline="", encoding="utf-8") as fh:
        names = [row["name"] for row in csv.DictReader(fh)]

    warnings.simplefilter("ignore")
    full(names[:200])  # warm-up (imports, caches)
    s_full, failed_full = best_of(full, names, args.repeat)
    s_parse, failed_parse = best_of(parse_only, names, args.repeat)

    n = len(names)
    print(
        json.dumps(
            {
                "tool": "pymatgen",
                "version": version("pymatgen"),
                "formulas": n,
                "seconds": round(s_full, 4),
                "per_second": round(n / s_full, 1),
                "parse_only_seconds": round(s_parse, 4),
                "parse_only_per_second": round(n / s_parse, 1),
                "failed": failed_full,
                "failed_parse_only": failed_parse,
                "repeat": args.repeat,
                "formula_cache_cleared": _FORMULA_CACHE is not None,
                "python": platform.python_version(),
                "machine": platform.machine(),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
