#!/bin/sh
# Builds the committed schema fixtures (Tests/StoreTests/SchemaFixtures/*.sql): a store with real
# rows (a SuperCon sample, curated; an MP formation-energy sample with a hull run) made by the
# current curate, then copied into stores migrated only up to each earlier schema version
# (GRDB's migrate(upTo:)) and dumped as SQL. SchemaMigrationTests opens every fixture with the
# current code and checks that it migrates to the latest schema with its content intact.
# Usage: scripts/make-schema-fixtures.sh   (from the repository root; needs ../shared/data)
set -eu
ROOT=$(pwd)
DATA=${CURATE_DATA:-$ROOT/../shared/data}
OUT=$ROOT/Tests/StoreTests/SchemaFixtures
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
swift build --product curate >/dev/null
C=$ROOT/.build/debug/curate
S=$WORK/source.sqlite
head -61 "$DATA/supercon/stanev-2018.csv" > "$WORK/stanev-sample.csv"
head -101 "$DATA/mp/roost-mp-formation.csv" > "$WORK/mp-sample.csv"
$C ingest supercon "$WORK/stanev-sample.csv" --store "$S" >/dev/null
$C ingest mp "$WORK/mp-sample.csv" --store "$S" >/dev/null
$C clean "$ROOT/datasets/supercon-tc.curation.json" --store "$S" >/dev/null
$C hull --store "$S" --property formation_energy_per_atom >/dev/null
mkdir -p "$OUT"
CURATE_SCHEMA_SOURCE="$S" CURATE_SCHEMA_FIXTURES_OUT="$OUT" \
  swift test --filter SchemaFixtureWriter 2>&1 | grep -E "wrote|error|Executed" || true
ls -la "$OUT"
