#!/usr/bin/env python3
"""Hull benchmark: `curate hull --store` against pymatgen on the composition-only Materials Project
formation energies of ../shared/data/mp/roost-mp-formation.csv (run by scripts/bench-hull.sh).

Both sides get the same entries: every row as PDEntry(composition, E_f * num_atoms), and every
element as a reference at 0 (the file has no elemental rows; curate uses implicit references at 0).

pymatgen modes:
  pd-per-system  one PhaseDiagram per chemical system over the entries of that system and all its
                 subsystems (the patched hull), e_above_hull of the system's own entries (default);
  ppd            PatchedPhaseDiagram over all entries, then get_e_above_hull per entry.
--pymatgen-fraction F runs pymatgen on a deterministic sample F of the chemical systems only and
reports its time scaled by 1/F (marked as extrapolated); agreement is then over the sampled entries.

curate is timed end to end (`curate hull --store DB --quiet`: read observations, hull, write the
derived values) and by its own hull phase (the `timing:` line), on 10/25/50/100 % of the chemical
systems (deterministic samples, each ingested into its own store) for the growth curve.

Prints a Markdown report.
"""
import argparse
import csv
import hashlib
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time

from pymatgen.analysis.phase_diagram import PatchedPhaseDiagram, PDEntry, PhaseDiagram
from pymatgen.core import Composition


def system_of(composition):
    return tuple(sorted(e.symbol for e in composition.elements))


def sample_key(system):
    return hashlib.sha1("-".join(system).encode()).hexdigest()


def read_rows(path):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    parsed = []
    for row in rows:
        composition = Composition(row["composition"])
        parsed.append((row["task_id"], row["composition"], composition, float(row["formation_energy_per_atom"])))
    return parsed


def systems_sample(systems, fraction):
    ordered = sorted(systems, key=sample_key)
    return set(ordered[: max(1, round(fraction * len(ordered)))])


def run_curate(curate, args, env=None):
    start = time.perf_counter()
    done = subprocess.run([curate] + args, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"curate {' '.join(args)} failed: {done.stderr}")
    match = re.search(r"timing: read ([\d.]+) s, hull ([\d.]+) s, write ([\d.]+) s", done.stderr)
    phases = tuple(float(x) for x in match.groups()) if match else (float("nan"),) * 3
    return wall, phases, done.stdout, done.stderr


def curate_side(curate, rows, fractions, workdir):
    """Ingests each sample into its own store and times `curate hull --store`; returns the curve
    and curate's per-entry results for the full set."""
    systems = {system_of(r[2]) for r in rows}
    curve = []
    full_results = {}
    for fraction in fractions:
        chosen = systems_sample(systems, fraction)
        subset = [r for r in rows if system_of(r[2]) in chosen]
        csv_path = os.path.join(workdir, f"mp-{int(fraction * 100)}.csv")
        with open(csv_path, "w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["task_id", "composition", "formation_energy_per_atom"])
            for task_id, text, _, value in subset:
                writer.writerow([task_id, text, repr(value)])
        store = os.path.join(workdir, f"store-{int(fraction * 100)}.sqlite")
        start = time.perf_counter()
        subprocess.run([curate, "ingest", "mp", csv_path, "--store", store], check=True, capture_output=True)
        ingest = time.perf_counter() - start
        wall, phases, _, summary = run_curate(curate, ["hull", "--store", store, "--quiet"])
        again, _, _, summary_again = run_curate(curate, ["hull", "--store", store, "--quiet"])
        curve.append({"fraction": fraction, "systems": len(chosen), "entries": len(subset), "ingest": ingest,
                      "wall": wall, "read": phases[0], "hull": phases[1], "write": phases[2], "rerun_wall": again,
                      "rerun_reused": "nothing written" in summary_again})
        if fraction == fractions[-1]:
            _, _, out, _ = run_curate(curate, ["hull", "--store", store, "--json", "--dry-run"])
            for line in out.splitlines():
                item = json.loads(line)
                full_results[item["entry_id"]] = item
    return curve, full_results


def pymatgen_per_system(rows, chosen):
    """PhaseDiagram per chemical system over it and its subsystems; e_above_hull of its own entries."""
    by_system = {}
    for task_id, _, composition, value in rows:
        by_system.setdefault(system_of(composition), []).append(
            PDEntry(composition, value * composition.num_atoms, name=task_id))
    start = time.perf_counter()
    results = {}
    for system in sorted(chosen):
        pool = [PDEntry(Composition(symbol), 0.0, name="ref-" + symbol) for symbol in system]
        for size in range(1, len(system) + 1):
            for subsystem in itertools.combinations(system, size):
                pool.extend(by_system.get(subsystem, []))
        diagram = PhaseDiagram(pool)
        stable = {id(e) for e in diagram.stable_entries}
        for entry in by_system[system]:
            results[entry.name] = (diagram.get_e_above_hull(entry, allow_negative=True), id(entry) in stable)
    return time.perf_counter() - start, results


def pymatgen_ppd(rows, chosen):
    entries = [PDEntry(c, v * c.num_atoms, name=t) for t, _, c, v in rows if system_of(c) in chosen]
    elements = sorted({symbol for system in chosen for symbol in system})
    references = [PDEntry(Composition(symbol), 0.0, name="ref-" + symbol) for symbol in elements]
    start = time.perf_counter()
    diagram = PatchedPhaseDiagram(entries + references)
    stable = {e.name for e in diagram.stable_entries}
    results = {e.name: (diagram.get_e_above_hull(e, allow_negative=True), e.name in stable) for e in entries}
    return time.perf_counter() - start, results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--curate", required=True)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--mode", choices=["pd-per-system", "ppd"], default="pd-per-system")
    parser.add_argument("--pymatgen-fraction", type=float, default=1.0)
    parser.add_argument("--fractions", default="0.1,0.25,0.5,1.0")
    options = parser.parse_args()
    fractions = [float(x) for x in options.fractions.split(",")]
    rows = read_rows(options.csv)
    systems = {system_of(r[2]) for r in rows}
    with tempfile.TemporaryDirectory(prefix="bench-hull-") as workdir:
        curve, mine = curate_side(options.curate, rows, fractions, workdir)
    chosen = systems if options.pymatgen_fraction >= 1 else systems_sample(systems, options.pymatgen_fraction)
    runner = pymatgen_per_system if options.mode == "pd-per-system" else pymatgen_ppd
    seconds, theirs = runner(rows, chosen)
    scale = len(systems) / len(chosen)
    worst, flips, missing = 0.0, 0, 0
    for task_id, (e_hull, stable) in theirs.items():
        item = mine.get(task_id)
        if item is None:
            missing += 1
            continue
        worst = max(worst, abs(item["energy_above_hull"] - e_hull))
        flips += item["stable"] != stable
    full = curve[-1]
    extrapolated = " (extrapolated from %.0f %% of systems)" % (100 / scale) if scale > 1 else ""
    print(f"## Hull benchmark: {len(rows)} MP rows, {len(systems)} chemical systems\n")
    print("| side | what is timed | seconds | pymatgen / curate |")
    print("|---|---|---:|---:|")
    print(f"| pymatgen ({options.mode}) | hulls + e_above_hull for {len(theirs)} entries{extrapolated} | {seconds * scale:.1f} | 1 |")
    print(f"| curate | hull phase only | {full['hull']:.2f} | {seconds * scale / full['hull']:.0f}× |")
    print(f"| curate | `curate hull --store` end to end (read, hull, write {2 * full['entries']} derived values) "
          f"| {full['wall']:.2f} | {seconds * scale / full['wall']:.0f}× |")
    print(f"| curate | identical re-run (entries hashed, run reused) | {full['rerun_wall']:.2f} | |")
    print(f"\nAgreement over {len(theirs) - missing} entries: max |ΔE_hull| = {worst:.2e} eV/atom; "
          f"stable/unstable status differs for {flips}; {missing} pymatgen entries missing from curate's output.\n")
    print("### curate growth with the number of chemical systems\n")
    print("| systems | entries | hull s | hull µs/system | end-to-end s | read s | write s | ingest s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for point in curve:
        print(f"| {point['systems']} | {point['entries']} | {point['hull']:.3f} | {1e6 * point['hull'] / point['systems']:.0f} "
              f"| {point['wall']:.2f} | {point['read']:.2f} | {point['write']:.2f} | {point['ingest']:.1f} |")
    if any(not p["rerun_reused"] for p in curve):
        print("\nWARNING: an identical re-run wrote a new hull run")


if __name__ == "__main__":
    main()
