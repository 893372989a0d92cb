#!/usr/bin/env bash
# Long run of the seeded CIF fuzz harness (Tests/CrystalTests/CIFFuzzTests.swift): tokenizer,
# document, structure reader, CIFNumber, SymmetryOperation(xyz:) and spglib on random and mutated
# CIFs from ../shared/data/cif. Each input's bytes are written to $SAVE before it runs, so after a
# crash or a hang (killed by `timeout`) that file holds the input that caused it.
#
#   scripts/fuzz-cif.sh [ITERATIONS] [SEED]     # defaults 200000 and the test's default seed
#
# Env: SCRATCH (build folder, default .build-fuzz), LIMIT (wall-clock seconds, default 3600),
#      SAVE (default /tmp/curate-fuzz-current.cif).
# Re-run one iteration: CURATE_FUZZ_ONLY=N CURATE_FUZZ_SEED=SEED swift test --filter CIFFuzzTests
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-200000}
scratch=${SCRATCH:-.build-fuzz}
save=${SAVE:-/tmp/curate-fuzz-current.cif}
swift build --build-tests --scratch-path "$scratch" >/dev/null
export CURATE_FUZZ_ITERATIONS="$iterations" CURATE_FUZZ_SAVE="$save"
if [[ -n "${2:-}" ]]; then export CURATE_FUZZ_SEED="$2"; fi
set +e
timeout "${LIMIT:-3600}" swift test --skip-build --scratch-path "$scratch" \
    --filter 'CIFFuzzTests.testFuzzReaderNumbersAndSymmetryOperations' 2>&1 \
    | grep -v '^0x' | grep -E 'CIFFuzzTests|error|crash|Crash|Fatal|fatal|inputs over|^ *[0-9]+ .* in '
status=${PIPESTATUS[0]}
set -e
if [[ $status -ne 0 ]]; then
    echo "fuzz run failed (exit $status; 124 = timed out, a possible hang): the last input is in $save" >&2
    exit "$status"
fi
echo "fuzz run passed: $iterations iterations"
