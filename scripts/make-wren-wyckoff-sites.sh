#!/bin/sh
# Regenerates Sources/Crystal/Wyckoff/Sites/WyckoffSiteData.swift: the representative site
# expression of every Wyckoff position, derived from the project's Wyckoff derivation
# (WyckoffSiteDerivation). Then check: swift test --filter 'CrystalTests.WyckoffSite'
set -eu
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-.build}"
out="$PWD/Sources/Crystal/Wyckoff/Sites/WyckoffSiteData.swift"
WYCKOFF_WRITE_SITES="$out.tmp" swift test --scratch-path "$scratch" \
    --filter 'CrystalTests.WyckoffSiteTableTests/testWriteSiteTableWhenAsked'
mv "$out.tmp" "$out"
echo "wrote $out"
