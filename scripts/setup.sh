#!/usr/bin/env bash
# Installs the Debian packages curate links against, builds the release binary and runs the
# main job end to end on ../shared/data (`curate demo`: ingest, clean, release, flag) into ./curate-demo.
# Usage: ./scripts/setup.sh [curate demo options, e.g. --data DIR]   (as root, or with sudo available)
# CURATE_SKIP_DEMO=1 only installs and builds.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libsqlite3-dev libopenblas-dev libsymspg-dev liblzma-dev zlib1g-dev libssl-dev libxml2-dev libcurl4-openssl-dev libxml2-utils sqlite3)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]})); then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The test suite reads Parquet exports back with pyarrow and DuckDB (ParquetTests, ParquetReleaseTests)
# and parses report HTML with xmllint (libxml2-utils, above); a warning here, a named failure there.
if ! python3 -c "import pyarrow, duckdb" 2>/dev/null; then
    python3 -m pip install --quiet pyarrow duckdb 2>/dev/null \
        || python3 -m pip install --quiet --break-system-packages pyarrow duckdb \
        || echo "warning: could not install pyarrow and duckdb; the Parquet tests will fail until they are installed" >&2
fi

swift build -c release
echo "built $(pwd)/.build/release/curate"

if [ "${CURATE_SKIP_DEMO:-0}" = 1 ]; then exit 0; fi
.build/release/curate demo "$@"
