#!/usr/bin/env bash
# Hull benchmark: curate (release build) against pymatgen on ../shared/data/mp/roost-mp-formation.csv.
# Usage: scripts/bench-hull.sh [--mode pd-per-system|ppd] [--pymatgen-fraction F] [--fractions 0.1,0.25,0.5,1.0]
# Prints a Markdown report (times, ratio, systems, agreement, growth curve). Needs python3 with pymatgen.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH="${SCRATCH:-.build-hull}"
swift build -c release --scratch-path "$SCRATCH" --product curate >&2
BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/curate"
CSV="${CSV:-../shared/data/mp/roost-mp-formation.csv}"
echo "machine: $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 scripts/bench-hull.py --curate "$BIN" --csv "$CSV" "$@"
