#!/usr/bin/env bash
# Renders `curate report` pages in headless Chromium (Debian package `chromium`) and checks that
# they rendered: the DOM dump must hold every chart (<svg id=...>) the report says it drew, and a
# screenshot of each page goes to docs/screenshots/ (or $SCREENSHOTS). Reports: the release, and the
# hull of the MP Li-Fe-O entries (ternary, and its Fe-O binary).
#
#   scripts/browser-check.sh [RELEASE_DIR]
#
# Without RELEASE_DIR the supercon-tc release is built from datasets/supercon-tc.dataset.json
# (reading ../shared/data) into a temporary folder. Uses .build/debug/curate (or $CURATE).
#
# It also starts `curate serve` on a free loopback port over a store with flags ($REVIEW_STORE, or
# a `curate demo` store made in the temporary folder: 3,597 element-balance flags on the real
# synthesis reactions), renders the flag queue and a flag page (screenshots review-queue.png and
# review-flag.png), posts the flag page's accept form and checks the store recorded the decision.
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
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2> /dev/null; rm -rf "$work"' EXIT
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

# review_check: the review app in the browser, and the accept form's round trip into the store.
review_check() {
    local store=${REVIEW_STORE:-}
    if [ -z "$store" ]; then
        "$curate" demo --out "$work/demo" > /dev/null
        store="$work/demo/curate.sqlite"
    fi
    "$curate" serve --store "$store" --port 0 --json > "$work/serve.json" 2> "$work/serve.log" &
    server_pid=$!
    for _ in $(seq 1 100); do [ -s "$work/serve.json" ] && break; sleep 0.2; done
    local url
    url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["url"])' "$work/serve.json") || {
        echo "FAIL review-queue: curate serve did not start: $(cat "$work/serve.log")" >&2; failures=$((failures + 1)); return; }
    local base=${url%%/flags*} token=${url##*token=}
    # The printed address sets the token cookie and redirects to the queue (no script on the page).
    timeout 120 "$browser" --headless --disable-gpu --no-sandbox --dump-dom "$url" > "$work/queue.dom" 2> /dev/null
    rm -f "$shots/review-queue.png" "$shots/review-flag.png"
    timeout 120 "$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars --window-size=1280,1100 \
        --screenshot="$shots/review-queue.png" "$url" > /dev/null 2>&1
    local rows first
    rows=$(grep -o 'class="flag-row"' "$work/queue.dom" | wc -l)
    first=$(grep -o 'class="flag-row" data-flag-id="[0-9]*"' "$work/queue.dom" | head -1 | tr -dc '0-9')
    if [ "$rows" -lt 1 ] || [ -z "$first" ] || [ ! -s "$shots/review-queue.png" ]; then
        echo "FAIL review-queue: $rows flag rows rendered, screenshot $( [ -s "$shots/review-queue.png" ] && echo ok || echo missing)" >&2
        failures=$((failures + 1)); return
    fi
    echo "ok   review-queue: $rows flag rows rendered; screenshot $shots/review-queue.png"
    timeout 120 "$browser" --headless --disable-gpu --no-sandbox --dump-dom "$base/flags/$first?token=$token" > "$work/flag.dom" 2> /dev/null
    timeout 120 "$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars --window-size=1280,1600 \
        --screenshot="$shots/review-flag.png" "$base/flags/$first?token=$token" > /dev/null 2>&1
    local missing=()
    for id in 'id="flag-title"' 'id="observed-predicted"' 'id="provenance"' 'id="decide"' 'id="accept"'; do
        grep -q "$id" "$work/flag.dom" || missing+=("$id")
    done
    # The accept button's round trip: post what the form posts (hidden token, reviewer, note,
    # decision=accept) with the cookie a browser holds, then ask the store.
    local status
    status=$(python3 - "$base" "$first" "$token" <<'PY'
import sys, urllib.parse, urllib.request
base, flag, token = sys.argv[1:]
form = urllib.parse.urlencode({"token": token, "reviewer": "browser-check", "note": "round trip", "decision": "accept"}).encode()
request = urllib.request.Request(f"{base}/flags/{flag}/decide", data=form,
    headers={"Cookie": f"curate_token={token}", "Content-Type": "application/x-www-form-urlencoded"})
with urllib.request.urlopen(request) as reply:
    page = reply.read().decode()
print(reply.status, "accepted" if 'data-status="accepted"' in page else "not-shown")
PY
)
    [ "$status" = "200 accepted" ] || missing+=("accept round trip ($status)")
    "$curate" flags list --status accepted --json --store "$store" | grep -q "\"id\":$first[,}]" || missing+=("flag $first accepted in the store")
    kill "$server_pid" 2> /dev/null; wait "$server_pid" 2> /dev/null || true; server_pid=""
    if [ ${#missing[@]} -gt 0 ] || [ ! -s "$shots/review-flag.png" ]; then
        echo "FAIL review-flag: missing ${missing[*]} $( [ -s "$shots/review-flag.png" ] || echo screenshot)" >&2
        failures=$((failures + 1))
    else
        echo "ok   review-flag: flag $first page rendered, accept form stored the decision; screenshot $shots/review-flag.png"
    fi
}

check release-report "$release"
check hull-report ../shared/data/mp/emmet/Li-Fe-O.json.gz
check hull-binary-report ../shared/data/mp/emmet/Li-Fe-O.json.gz --chemsys Fe-O
review_check
exit $((failures > 0))
