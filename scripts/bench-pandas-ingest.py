#!/usr/bin/env python3
"""Python baseline for ingest: pandas + pymatgen on the Stanev SuperCon subset.

What a Python user would typically do to "ingest" ../shared/data/supercon/stanev-2018.csv:
read it with pandas, then build a list of (pymatgen Composition, Tc) rows, skipping rows whose
formula pymatgen rejects. Single-threaded; the whole thing (CSV read included) is timed, best
of `--repeat` runs (default 3). The CSV read alone is timed too. Prints one JSON line:

  {"tool": "pandas+pymatgen", "version": ..., "rows": n, "ingested": k, "failed": f,
   "seconds": s, "per_second": r, "read_csv_seconds": s2}

Run from the repository root:  python3 scripts/bench-pandas-ingest.py
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

import pandas as pd
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


def ingest() -> tuple[int, list[tuple[Composition, float]], int]:
    df = pd.read_csv(STANEV)
    rows: list[tuple[Composition, float]] = []
    failed = 0
    for name, tc in zip(df["name"], df["Tc"]):
        try:
            rows.append((Composition(name), float(tc)))
        except Exception:  # noqa: BLE001
            failed += 1
    return len(df), rows, failed


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    warnings.simplefilter("ignore")

    pd.read_csv(STANEV)  # warm-up (file cache, imports)
    best_read = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        pd.read_csv(STANEV)
        best_read = min(best_read, time.perf_counter() - t0)

    best, n, k, failed = float("inf"), 0, 0, 0
    for _ in range(args.repeat):
        clear_formula_cache()
        t0 = time.perf_counter()
        n, rows, failed = ingest()
        best = min(best, time.perf_counter() - t0)
        k = len(rows)

    print(
        json.dumps(
            {
                "tool": "pandas+pymatgen",
                "version": {"pandas": pd.__version__, "pymatgen": version("pymatgen")},
                "rows": n,
                "ingested": k,
                "failed": failed,
                "seconds": round(best, 4),
                "per_second": round(n / best, 1),
                "read_csv_seconds": round(best_read, 4),
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
