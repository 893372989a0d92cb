#!/usr/bin/env bash
# `curate structure DIR --json` (release build) against the Python anchor (pymatgen CifParser +
# moyopy, scripts/bench-structure-anchor.py), interleaved for ROUNDS rounds on the same files.
# Each run is a whole process, output written to /dev/null; files/s = CIF files / wall seconds.
# The anchor runs twice per round: one process, and one process per core (multiprocessing).
# The machine may be shared: the load average is printed with every round; compare within rounds.
# Usage: scripts/bench-structure.sh [DIR] [ROUNDS]   (needs: pip install pymatgen moyopy)
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-../shared/data/cif/mp}
ROUNDS=${2:-3}
CURATE=${CURATE:-.build/release/curate}
CORES=$(nproc)
[ -x "$CURATE" ] || swift build -c release --product curate
FILES=$(find "$DIR" -name '*.cif' | wc -l)
echo "files: $FILES in $DIR; cores: $CORES; curate: $CURATE"

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
rate() { printf '%.1f' "$(echo "$FILES / $1" | bc -l)"; }

printf '%-6s %-6s %10s %10s %10s %10s %8s %8s\n' round load curate/s curate1/s py1/s py${CORES}/s ratio1 ratioN
for round in $(seq 1 "$ROUNDS"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    c=$(seconds "$CURATE" structure "$DIR" --json)
    c1=$(seconds "$CURATE" structure "$DIR" --json --jobs 1)
    p1=$(seconds python3 scripts/bench-structure-anchor.py "$DIR" 2>/dev/null)
    pn=$(seconds python3 scripts/bench-structure-anchor.py "$DIR" --jobs "$CORES" 2>/dev/null)
    printf '%-6s %-6s %10s %10s %10s %10s %8.2f %8.2f\n' "$round" "$load" "$(rate "$c")" "$(rate "$c1")" \
        "$(rate "$p1")" "$(rate "$pn")" "$(echo "$p1 / $c" | bc -l)" "$(echo "$pn / $c" | bc -l)"
done
echo "curate/s: all cores; curate1/s: --jobs 1; ratio1 = curate (all cores) speed / anchor (1 process); ratioN = / anchor ($CORES processes)"
