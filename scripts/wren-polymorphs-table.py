#!/usr/bin/env python3
"""Markdown table of several scripts/wren-polymorphs.py runs (their WORK/score.json), for the README.

One row per run: Wren's training arguments, fold seed, members, whether the MP release was in
training, pairs, Wren's ranking over all pairs and over pairs whose true energies differ by more
than 0.05 eV/atom (each with its bootstrap-over-compositions 95 % interval), and both models'
held-out MAE. Roost ranks 0.500 in every run (it cannot tell polymorphs apart). Runs with the
same arguments, members and MP rows but different fold seeds also get a pooled row (rankings
weighted by pairs; no interval, since one pair appears in several runs).
Usage: wren-polymorphs-table.py WORK [WORK ...]
"""
import json, sys
from collections import defaultdict

print("| Wren | fold seed | members | MP rows | pairs | Wren ranking (95 %) | pairs ΔE > 0.05 | Wren ranking there (95 %) | MAE Wren / Roost |")
print("|---|---:|---:|---:|---:|---|---:|---|---|")
pooled = defaultdict(list)
for work in sys.argv[1:]:
    s = json.load(open(f"{work}/score.json"))
    pooled[(" ".join(s["wren_args"]), s["members"], s["mp_rows"])].append(s)
    w, r = s["wren"], s["roost"]
    assert abs(r["all"]["ranking"] - 0.5) < 1e-9, f"{work}: Roost ranked {r['all']['ranking']}"
    lo, hi = w["all"]["composition_bootstrap95"]
    glo, ghi = w["gap_over_0.05"]["composition_bootstrap95"]
    print(f"| `{' '.join(s['wren_args'])}` | {s['seed']} | {s['members']} | {s['mp_rows']} | {w['all']['pairs']} | "
          f"{w['all']['ranking']:.3f} ({lo:.3f}–{hi:.3f}) | {w['gap_over_0.05']['pairs']} | "
          f"{w['gap_over_0.05']['ranking']:.3f} ({glo:.3f}–{ghi:.3f}) | {w['mae']:.3f} / {r['mae']:.3f} |")
for (args, members, mp), runs in pooled.items():
    if len(runs) < 2:
        continue
    def pool(tag):
        pairs = sum(r["wren"][tag]["pairs"] for r in runs)
        return pairs, sum(r["wren"][tag]["ranking"] * r["wren"][tag]["pairs"] for r in runs) / pairs
    n, acc = pool("all")
    gn, gacc = pool("gap_over_0.05")
    mae = sum(r["wren"]["mae"] for r in runs) / len(runs)
    roost = sum(r["roost"]["mae"] for r in runs) / len(runs)
    seeds = ", ".join(str(r["seed"]) for r in runs)
    print(f"| `{args}`, pooled | {seeds} | {members} | {mp} | {n} | {acc:.3f} | {gn} | {gacc:.3f} | {mae:.3f} / {roost:.3f} |")
