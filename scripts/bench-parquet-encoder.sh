#!/usr/bin/env bash
# In-process encoder benchmark: compiles Sources/Parquet with scripts/parquet-bench/main.swift
# (swiftc -O) and times CSV text against Parquet bytes for the rows of a release's records.csv.
# Usage: scripts/bench-parquet-encoder.sh RELEASE_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: $0 RELEASE_DIR" >&2; exit 2; }
binary=$(mktemp -d)/parquet-bench
swiftc -O -module-name ParquetBench Sources/Parquet/*.swift scripts/parquet-bench/main.swift -o "$binary"
"$binary" "$1/records.csv"
