#!/usr/bin/env bash
# Renders `curate report` pages in headless Chromium (Debian package `chromium`) and checks that
# they rendered: the DOM dump must hold every chart (<svg id=...>) the report says it drew, and a
# screenshot of each page goes to docs/screenshots/ (or $SCREENSHOTS).
#
#   scripts/browser-check.sh [RELEASE_DIR]
#
# Without RELEASE_DIR the supercon-tc release is built from datasets/supercon-tc.dataset.json
# (reading ../shared/data) into a temporary folder. Uses .build/debug/curate (or $CURATE).
set -euo pipefail
cd "$(dirname "$0")/.."

curate=${CURATE:-.build/debug/curate}
shots=${SCREENSHOTS:-docs/screenshots}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "error: chromium is not installed (Debian: apt-get install -y chromium)" >&2
    exit 1
fi
[ -x "$curate" ] || swift build --product curate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$shots"

release=${1:-}
if [ -z "$release" ]; then
    release="$work/supercon-tc"
    "$curate" release datasets/supercon-tc.dataset.json --version 1.0.0 --out "$release" > /dev/null
fi

failures=0
# check NAME REPORT_ARGS...: writes the report, renders it, compares the DOM with the charts list.
check() {
    local name=$1; shift
    local html="$work/$name.html"
    local summary
    summary=$("$curate" report "$@" --out "$html" --json)
    local charts
    charts=$(python3 -c 'import json,sys; print(" ".join(json.loads(sys.argv[1])["charts"]))' "$summary")
    # The page is rendered without its script (the table-sorting lines): charts are plain SVG and
    # must render with JavaScript off. (--blink-settings=scriptEnabled=false breaks headless screenshots.)
    local static="$work/$name.static.html"
    sed '/<script>/,/<\/script>/d' "$html" > "$static"
    grep -q "<script" "$static" && { echo "error: could not strip the script from $html" >&2; exit 1; }
    timeout 120 "$browser" --headless --disable-gpu --no-sandbox --dump-dom "file://$static" > "$work/$name.dom" 2> /dev/null
    rm -f "$shots/$name.png"
    timeout 120 "$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars --window-size=1280,2400 \
        --screenshot="$shots/$name.png" "file://$static" > /dev/null 2>&1
    local missing=()
    for id in $charts; do
        grep -q "<svg[^>]* id=\"$id\"" "$work/$name.dom" || missing+=("$id")
    done
    if [ ! -s "$shots/$name.png" ]; then missing+=("screenshot"); fi
    if [ ${#missing[@]} -gt 0 ]; then
        echo "FAIL $name: missing ${missing[*]}" >&2
        failures=$((failures + 1))
    else
        echo "ok   $name: $(echo "$charts" | wc -w) charts rendered ($charts); screenshot $shots/$name.png"
    fi
}

check release-report "$release"
exit $((failures > 0))
