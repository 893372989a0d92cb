#!/usr/bin/env python3
"""Times `curate ingest vasp FILE` (a fresh store per file, the whole command: process start,
libxml2 streaming read, spglib, SQLite write) against pymatgen's Vasprun on the same file
(parse only, inside one Python process; default options, and without DOS/eigenvalues), best of
N runs each. Usage: scripts/bench-vasp.py CURATE_BINARY [DATA_DIR] [N]
"""
import os
import subprocess
import sys
import tempfile
import time
import warnings

from pymatgen.io.vasp.outputs import Vasprun

binary = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "shared", "data", "vasp")
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3


def best(function):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def curate(path):
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([binary, "ingest", "vasp", path, "--store", os.path.join(folder, "s.db")], check=True, capture_output=True)


def pymatgen(path, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            Vasprun(path, **options)
        except Exception:
            pass  # truncated files: pymatgen refuses them after reading


print(f"{'file':52} {'MB xml':>7} {'curate s':>9} {'pymatgen s':>11} {'ratio':>6} {'pmg lean s':>11} {'ratio':>6}")
for name in sorted(os.listdir(data)):
    path = os.path.join(data, name)
    size = len(subprocess.run(["gzip", "-dc", path], capture_output=True).stdout) / 1e6
    ours = best(lambda: curate(path))
    full = best(lambda: pymatgen(path))
    lean = best(lambda: pymatgen(path, parse_dos=False, parse_eigen=False, parse_projected_eigen=False, parse_potcar_file=False))
    print(f"{name:52} {size:7.2f} {ours:9.3f} {full:11.3f} {full / ours:6.1f} {lean:11.3f} {lean / ours:6.1f}")
