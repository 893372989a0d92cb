#!/bin/sh
# Regenerates Sources/Crystal/Wyckoff/Generated/WyckoffTableData.swift: derives the Wyckoff
# positions and letter relabelings of all 230 space groups with the project's own derivation
# (WyckoffDerivation, on the linked spglib) and writes them as Swift source.
# Then check: swift test --filter 'CrystalTests.Wyckoff'
set -eu
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-.build}"
out="$PWD/Sources/Crystal/Wyckoff/Generated/WyckoffTableData.swift"
WYCKOFF_WRITE_TABLE="$out.tmp" swift test --scratch-path "$scratch" \
    --filter 'CrystalTests.WyckoffDerivationTests/testWriteTableWhenAsked'
mv "$out.tmp" "$out"
echo "wrote $out"
