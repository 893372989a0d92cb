#!/usr/bin/env bash
# `curate ingest optimade URL` against the OPTIMADE reference server (optimade-python-tools from
# PyPI, started on a free loopback port with its bundled test structures): filters, paging over
# links.next, an unknown property, resume; every result compared with the server's own answer.
# See scripts/optimade-reference-check.py for the checks.
# Usage: scripts/optimade-reference-check.sh        (from the repository root)
#        CURATE=.build/release/curate scripts/optimade-reference-check.sh
# Needs python3 with `optimade[server]` (pip install 'optimade[server]'); fails if it is missing
# or the server does not start.
set -euo pipefail
cd "$(dirname "$0")/.."
export CURATE=${CURATE:-.build/debug/curate}
python3 -c "import optimade.server, uvicorn, mongomock" 2>/dev/null || {
    echo "error: python3 cannot import optimade.server, uvicorn and mongomock; pip install 'optimade[server]'" >&2
    exit 1
}
exec python3 scripts/optimade-reference-check.py
