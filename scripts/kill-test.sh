#!/usr/bin/env bash
# Kill -9 test: kills `curate ingest`, `clean`, `hull`, `release` and `train` at random moments,
# N times (default 50), and checks after each kill that
#   - PRAGMA integrity_check is ok and no ingest run is left half-written (status <> completed),
#   - the store's content (raw records, observations, quarantine, runs of curation and hull) is
#     exactly that of before the command or that of a completed run,
#   - a re-run completes with the same counts as an uninterrupted run,
#   - a killed release left either nothing or a complete release that verifies, and the next
#     release removes the killed one's staging folder,
#   - a killed training run (checkpoints every epoch) left no model at --out, or a complete one;
#     `--resume` of its staging folder gives tensors byte-identical to an uninterrupted run.
# Usage: scripts/kill-test.sh [N]        (from the repository root; needs ../shared/data,
#        sqlite3 and python3; 50 kills take about 6 minutes with a debug build)
#        CURATE=path/to/curate scripts/kill-test.sh 5
set -euo pipefail
N=${1:-50}
ROOT=$(pwd)
DATA=${CURATE_DATA:-$ROOT/../shared/data}
if [ -z "${CURATE:-}" ]; then
    swift build --product curate >/dev/null
    CURATE=$ROOT/.build/debug/curate
fi
[ -d "$DATA" ] || { echo "error: $DATA is missing" >&2; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
C() { "$CURATE" "$@"; }

head -4001 "$DATA/supercon/stanev-2018.csv" > "$W/supercon.csv"
head -3001 "$DATA/mp/roost-mp-formation.csv" > "$W/mp.csv"
CURATION=$ROOT/datasets/supercon-tc.curation.json
SPEC=$ROOT/datasets/expt-gap.dataset.json

# Content of a store: the tables the content hash covers, plus curation and hull runs and
# their rows (without timestamps), as one SHA-256.
content() {
    sqlite3 "$1" <<'SQL' | sha256sum | cut -d' ' -f1
SELECT 'raw', id, run_id, locator, line, hex(COALESCE(content_bytes, content)), disposition, duplicate_of_observation_id FROM raw_records ORDER BY id;
SELECT 'obs', id, raw_record_id, material_id, formula_as_written, composition_json, property, quote(value), qualifier, dedup_key FROM observations ORDER BY id;
SELECT 'q', id, raw_record_id, reason_code, message, position FROM quarantine ORDER BY id;
SELECT 'runs', id, status, read_count, stored_count, duplicate_count, quarantined_count FROM ingest_runs ORDER BY id;
SELECT 'cur', COUNT(*) FROM curation_runs; SELECT 'exc', COUNT(*) FROM exclusions; SELECT 'clu', COUNT(*) FROM clusters;
SELECT 'hull', COUNT(*) FROM hull_runs; SELECT 'der', COUNT(*) FROM derived_values;
SQL
}

check_store() { # store label
    local integrity running
    integrity=$(sqlite3 "$1" "PRAGMA integrity_check")
    [ "$integrity" = "ok" ] || { echo "FAIL $2: integrity_check: $integrity" >&2; exit 1; }
    running=$(sqlite3 "$1" "SELECT COUNT(*) FROM ingest_runs WHERE status <> 'completed'")
    [ "$running" = "0" ] || { echo "FAIL $2: $running half-written ingest run(s)" >&2; exit 1; }
}

# The JSON a command prints, without what legitimately differs between runs.
normalised() {
    python3 -c '
import json, re, sys
drop = re.compile(r"(^|_)(id|ids|at|seconds|time|run|runs|run_id|started_at|finished_at|path|file|store)$")
def clean(value):
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if not drop.search(k)}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value
lines = [json.loads(l) for l in sys.stdin if l.strip().startswith("{")]
print(json.dumps([clean(l) for l in lines], sort_keys=True))'
}

run_op() { # op store -> prints the command's --json output
    case $1 in
        ingest) C ingest supercon "$W/supercon.csv" --name kill-supercon --store "$2" --json 2>/dev/null ;;
        clean)  C clean "$CURATION" --store "$2" --json 2>/dev/null ;;
        hull)   C hull --store "$2" --property formation_energy_per_atom --json 2>/dev/null ;;
    esac
}

# Base stores: migrated with no records (for ingest), ingested SuperCon (for clean), ingested MP (for hull).
head -1 "$W/supercon.csv" > "$W/header-only.csv"
C ingest supercon "$W/header-only.csv" --store "$W/base-ingest.sqlite" >/dev/null
C ingest supercon "$W/supercon.csv" --name kill-supercon --store "$W/base-clean.sqlite" >/dev/null
C ingest mp "$W/mp.csv" --store "$W/base-hull.sqlite" >/dev/null
for b in ingest clean hull; do sqlite3 "$W/base-$b.sqlite" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null; done
fresh() { # op target: a copy of the op's base store
    rm -f "$2" "$2-wal" "$2-shm"
    cp "$W/base-$1.sqlite" "$2"
}

# Reference: each operation uninterrupted, its duration, its output and the content after it.
declare -A REF_OUT REF_HASH BEFORE_HASH DURATION
for op in ingest clean hull; do
    S=$W/ref-$op.sqlite
    fresh $op "$S"
    BEFORE_HASH[$op]=$(content "$S")
    start=$(date +%s%N)
    REF_OUT[$op]=$(run_op $op "$S" | normalised)
    DURATION[$op]=$(( ($(date +%s%N) - start) / 1000000 ))
    REF_HASH[$op]=$(content "$S")
    echo "reference $op: ${DURATION[$op]} ms"
done
start=$(date +%s%N)
C release "$SPEC" --version 1.0.0 --out "$W/ref-release/1.0.0" >/dev/null
DURATION[release]=$(( ($(date +%s%N) - start) / 1000000 ))
echo "reference release: ${DURATION[release]} ms"
# Training: a tiny 2-member Roost on 600 MP rows, single-threaded BLAS so weights are reproducible.
head -601 "$W/mp.csv" > "$W/train.csv"
train() { # out, extra options...
    local out=$1; shift
    OPENBLAS_NUM_THREADS=1 "$CURATE" train roost --data "$W/train.csv" --id-column task_id --target formation_energy_per_atom \
        --embedding onehot --tiny --epochs 6 --ensemble 2 --checkpoint-every 1 --seed 7 --out "$out" "$@"
}
same_weights() { # model directory: its tensors equal the reference run's (metadata such as run ids aside)
    python3 "$ROOT/scripts/compare-weights.py" "$W/ref-model" "$1" >/dev/null
}
start=$(date +%s%N)
train "$W/ref-model" >/dev/null 2>&1
DURATION[train]=$(( ($(date +%s%N) - start) / 1000000 ))
echo "reference train: ${DURATION[train]} ms"

ops=(ingest clean hull release train)
killed_done=0
for i in $(seq 1 "$N"); do
    op=${ops[$((RANDOM % 5))]}
    delay_ms=$((RANDOM % (DURATION[$op] + 1)))
    delay=$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))
    if [ "$op" = release ]; then
        R=$W/release-$i
        ( exec "$CURATE" release "$SPEC" --version 1.0.0 --out "$R/1.0.0" >/dev/null 2>&1 ) & pid=$!
        sleep "$delay"; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
        if [ -d "$R/1.0.0" ]; then
            C release --verify "$R/1.0.0" | grep -q '^verified$' || { echo "FAIL $i release: a killed release left an unverifiable folder" >&2; exit 1; }
            state=complete
        else
            C release "$SPEC" --version 1.0.0 --out "$R/1.0.0" >/dev/null
            C release --verify "$R/1.0.0" | grep -q '^verified$' || { echo "FAIL $i release: the re-run does not verify" >&2; exit 1; }
            leftovers=$(find "$R" -maxdepth 1 -name '.*.partial-*' | wc -l)
            [ "$leftovers" = 0 ] || { echo "FAIL $i release: $leftovers staging folder(s) left after the re-run" >&2; exit 1; }
            state=none
        fi
        echo "$i release killed after ${delay}s: $state; ok"
        rm -rf "$R"
        continue
    fi
    if [ "$op" = train ]; then
        M=$W/model-$i
        ( OPENBLAS_NUM_THREADS=1 exec "$CURATE" train roost --data "$W/train.csv" --id-column task_id --target formation_energy_per_atom \
            --embedding onehot --tiny --epochs 6 --ensemble 2 --checkpoint-every 1 --seed 7 --out "$M" >/dev/null 2>&1 ) & pid=$!
        sleep "$delay"; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
        staging=$W/.model-$i.partial
        if [ -d "$M" ]; then
            state=complete
        elif [ -d "$staging" ]; then
            train "$M" --resume "$staging" >/dev/null 2>&1 || { echo "FAIL $i train: --resume of $staging failed" >&2; exit 1; }
            state=resumed
        else
            train "$M" >/dev/null 2>&1
            state=none
        fi
        same_weights "$M" || { echo "FAIL $i train ($state): weights differ from an uninterrupted run" >&2; exit 1; }
        echo "$i train killed after ${delay}s: $state; ok"
        rm -rf "$M" "$staging"
        continue
    fi
    S=$W/kill.sqlite
    fresh $op "$S"
    ( exec "$CURATE" $(case $op in
        ingest) echo ingest supercon "$W/supercon.csv" --name kill-supercon;;
        clean) echo clean "$CURATION";;
        hull) echo hull --property formation_energy_per_atom;; esac) --store "$S" >/dev/null 2>&1 ) & pid=$!
    sleep "$delay"; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
    check_store "$S" "$i $op"
    after=$(content "$S")
    if [ "$after" = "${BEFORE_HASH[$op]}" ]; then state=before
    elif [ "$after" = "${REF_HASH[$op]}" ]; then state=completed; killed_done=$((killed_done + 1))
    else echo "FAIL $i $op: content after the kill is neither that before nor that of a completed run" >&2; exit 1; fi
    if [ "$state" = before ]; then
        out=$(run_op $op "$S" | normalised)
        [ "$out" = "${REF_OUT[$op]}" ] || { echo "FAIL $i $op: re-run output differs from an uninterrupted run:" >&2; echo "$out" >&2; echo "${REF_OUT[$op]}" >&2; exit 1; }
        [ "$(content "$S")" = "${REF_HASH[$op]}" ] || { echo "FAIL $i $op: content after the re-run differs" >&2; exit 1; }
        check_store "$S" "$i $op re-run"
    fi
    echo "$i $op killed after ${delay}s: $state; ok"
done
echo "kill test: $N kills, all checks passed ($killed_done finished before the kill)"
