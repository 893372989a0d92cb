#!/usr/bin/env bash
# Review-app and report benchmarks (issue 18), release build, loopback.
# Usage: scripts/bench-serve.sh [OUT]   (default OUT: /tmp/curate-bench-serve)
#  1. `curate demo` (3,597 real element-balance flags) plus synthetic open flags up to 20,000;
#  2. `curate serve` on a free loopback port; wrk (or curl in a loop when wrk is missing) on the
#     queue's first page, a deep page and a flag page;
#  3. `curate report` on the solid-state-synthesis release and on a store holding the 84k MP
#     formation energies.
# Prints one line per measurement; the machine load goes first.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-/tmp/curate-bench-serve}"
FLAGS="${FLAGS:-20000}"
DURATION="${DURATION:-10s}"
swift build -c release --product curate >&2
BIN="$(swift build -c release --show-bin-path)/curate"
mkdir -p "$OUT"
echo "machine: $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); load $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. A store with $FLAGS flags.
"$BIN" demo --out "$OUT/demo" --json > "$OUT/demo.json"
STORE="$OUT/demo/curate.sqlite"
python3 - "$STORE" "$FLAGS" <<'PY'
import json, random, sqlite3, sys
store, wanted = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(store)
have = db.execute("SELECT COUNT(*) FROM flags").fetchone()[0]
rng = random.Random(18)
rows = []
for i in range(max(0, wanted - have)):
    rows.append(("property", "models/synthetic", "f" * 64, "", "model:" + "f" * 64, f"synthetic-{i}", f"Synth{i}O3",
                 json.dumps({"source": "synthetic", "locator": f"row {i}", "property": "formation_energy_per_atom", "unit": "eV/atom"}),
                 rng.uniform(0, 10), "-1.5", "-0.25", 0.125,
                 json.dumps({"z": i, "neighbours": [{"formula": "NaCl", "similarity": 0.97}]}), "open"))
db.executemany("""INSERT INTO flags (kind, model_path, model_sha256, input_sha256, producer, subject_key, subject_label,
                  provenance_json, score, observed_json, predicted_json, uncertainty, evidence_json, status)
                  VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows)
db.commit()
print(f"flags: {db.execute('SELECT COUNT(*) FROM flags').fetchone()[0]} ({have} from the demo)")
PY

# 2. The review app under load.
"$BIN" serve --store "$STORE" --port 0 --json > "$OUT/serve.json" 2> "$OUT/serve.log" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$OUT/serve.json" ] && break; sleep 0.1; done
PORT=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["port"])' "$OUT/serve.json")
TOKEN=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$OUT/serve.json")
FLAG=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT id FROM flags ORDER BY score DESC LIMIT 1").fetchone()[0])' "$STORE")
for path in "/flags" "/flags?page=300" "/flags/$FLAG"; do
    url="http://127.0.0.1:$PORT$path"
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Curate-Token: $TOKEN" "$url")
    if command -v wrk > /dev/null; then
        rate=$(wrk -t2 -c16 -d"$DURATION" -H "X-Curate-Token: $TOKEN" "$url" | awk '/Requests\/sec/ {print $2}')
        echo "serve $path: HTTP $status, $rate requests/s (wrk -t2 -c16 -d$DURATION)"
    else
        start=$(date +%s.%N)
        for _ in $(seq 500); do curl -s -o /dev/null -H "X-Curate-Token: $TOKEN" "$url"; done
        echo "serve $path: HTTP $status, $(python3 -c "import sys; print(round(500/($(date +%s.%N)-$start)))") requests/s (curl, one at a time)"
    fi
done
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; trap - EXIT

# 3. Reports.
rm -rf "$OUT/synthesis-release"
"$BIN" release datasets/solid-state-synthesis.dataset.json --version 1.0.0 --out "$OUT/synthesis-release" > /dev/null
start=$(date +%s.%N)
"$BIN" report "$OUT/synthesis-release" --out "$OUT/synthesis-report.html" > /dev/null
echo "report of the solid-state-synthesis release: $(python3 -c "print(round($(date +%s.%N)-$start, 2))") s"
if [ ! -s "$OUT/mp.sqlite" ]; then
    "$BIN" ingest mp ../shared/data/mp/roost-mp-formation.csv --store "$OUT/mp.sqlite" > /dev/null
fi
start=$(date +%s.%N)
"$BIN" report --store "$OUT/mp.sqlite" --out "$OUT/mp-store-report.html" > /dev/null
echo "report of the MP store ($(python3 -c "import sqlite3; print(sqlite3.connect('$OUT/mp.sqlite').execute('SELECT COUNT(*) FROM observations').fetchone()[0])") observations): $(python3 -c "print(round($(date +%s.%N)-$start, 2))") s"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
