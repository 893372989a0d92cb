"""The notebook way to release a composition dataset, for a side-by-side timing with
`curate release`: pandas reads the CSVs, pymatgen parses every formula, compositions are keyed
by fractions rounded to 1e-6, the spec's rules and dedup are applied, a seeded hash split is
drawn, and records.csv / records.jsonl / per-split Roost CSVs are written with their sha256s.
It does less than curate (no quarantine ledger, no provenance, no leakage report, no store),
so the ratio is a lower bound on what curate saves.

usage: python3 scripts/bench_python_release.py supercon|oqmd OUT_DIR
prints one JSON line: {"dataset": ..., "records": ..., "seconds": ...}
"""
import hashlib, json, os, statistics, sys, time, warnings

import pandas as pd
from pymatgen.core import Composition

warnings.filterwarnings("ignore")
NOBLE = {"He", "Ne", "Ar", "Kr", "Xe", "Rn"}


def key_of(formula):
    try:
        comp = Composition(formula)
    except Exception:
        return None
    if comp.num_atoms <= 0:
        return None
    frac = comp.fractional_composition
    key = "".join(f"{el}{frac[el]:.6f}".rstrip("0").rstrip(".") for el in sorted(frac.as_dict()))
    return key, comp.reduced_formula, "-".join(sorted(frac.as_dict()))


def split_of(seed, key):
    u = int.from_bytes(hashlib.sha256(f"{seed}|split|{key}".encode()).digest()[:8], "big") / 2**64
    return "train" if u < 0.8 else "validation" if u < 0.9 else "test"


def release(frames, value_col, aggregate, lo, hi, censored_zero, out):
    rows = {}
    for frame in frames:
        for formula, value in zip(frame.iloc[:, 0], frame[value_col]):
            parsed = key_of(str(formula))
            if parsed is None or pd.isna(value):
                continue
            key, reduced, system = parsed
            if not (lo <= value <= hi) or NOBLE & set(system.split("-")):
                continue
            rows.setdefault(key, [reduced, system, []])[2].append(float(value))
    records = []
    for key in sorted(rows):
        reduced, system, values = rows[key]
        measured = [v for v in values if not (censored_zero and v == 0)]
        if measured:
            target = statistics.median(measured) if aggregate == "median" else min(measured)
        else:
            target = 0.0
        records.append((key, reduced, system, target, len(measured) or len(values), split_of(1, key)))
    os.makedirs(out, exist_ok=True)
    hashes = {}
    frame = pd.DataFrame(records, columns=["canonical_key", "composition", "chemical_system", "target", "measurements", "split"])
    frame.to_csv(f"{out}/records.csv", index=False)
    frame.to_json(f"{out}/records.jsonl", orient="records", lines=True)
    for label, part in frame.groupby("split"):
        part[["canonical_key", "composition", "target"]].to_csv(f"{out}/{label}.csv", index=False)
    for name in sorted(os.listdir(out)):
        with open(f"{out}/{name}", "rb") as handle:
            hashes[name] = hashlib.sha256(handle.read()).hexdigest()
    with open(f"{out}/manifest.json", "w") as handle:
        json.dump({"files": hashes, "counts": frame["split"].value_counts().to_dict()}, handle, indent=2, sort_keys=True)
    return len(records)


def main():
    dataset, out = sys.argv[1], sys.argv[2]
    data = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
    start = time.perf_counter()
    if dataset == "supercon":
        frames = [pd.read_csv(f"{data}/supercon/stanev-2018.csv"), pd.read_csv(f"{data}/supercon/mdr-2024/mdr.csv")]
        frames[0].columns = ["formula", "Tc"]
        count = release(frames, "Tc", "median", 0, 300, True, out)
    else:
        frame = pd.read_csv(f"{data}/oqmd/roost-oqmd-256k-testsplit.csv")[["composition", "target"]]
        count = release([frame], "target", "min", -5, 5, False, out)
    print(json.dumps({"dataset": dataset, "records": count, "seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
