#!/usr/bin/env python3
"""`curate ingest optimade URL` against the OPTIMADE reference server (optimade-python-tools
from PyPI, `optimade.server.main:app` with its mongomock backend and bundled test structures),
started here on 127.0.0.1 on a free port.

For each query, the server's own answer is fetched independently (urllib, following
`links.next`) and compared with what curate did:
  - every page followed (pages fetched = pages the server serves, at least 2 per query),
    the query complete, `meta.data_returned` = structures on all pages,
  - curate's read = stored + duplicates + quarantined = the server's structure count,
  - the ids and `chemical_formula_reduced` of the stored structure observations equal the
    server's, and curate's reduced composition equals the server's formula,
  - every quarantined structure is listed with its reason and must be an expected one.
Then: queries the server refuses (an unknown property, a filter that does not parse, a page_limit
above the server's maximum) fail with the server's error detail in curate's message and leave
the store unchanged; a second run with the same pages folder fetches nothing and writes
nothing; a query rewound to its first page (an interrupted run) resumes from page 2 and stores
nothing new.

Usage: scripts/optimade-reference-check.py  (CURATE=path/to/curate, default .build/debug/curate)
Needs `pip install 'optimade[server]'`. Exits non-zero on any failed check or when the server
does not start.
"""
import json
import math
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

CURATE = os.environ.get("CURATE", ".build/debug/curate")
START_TIMEOUT = 60  # seconds for the server to answer /v1/info

# (name, filter, page_limit). One store for all: later queries meet earlier structures again
# (same source `optimade-127.0.0.1`), so duplicates are exercised too.
QUERIES = [
    ("silver", 'elements HAS "Ag"', 5),
    ("binaries", "nelements=2", 1),
    ("silicates", 'elements HAS ALL "Si","O"', 1),
    ("compound", 'nelements<=3 AND elements HAS ANY "Ac","Ag"', 2),
    ("everything", None, 5),
]
# Queries the server refuses: (what, filter, page_limit, HTTP status). curate must fail with the
# status and the server's errors[].detail, and leave the store unchanged.
REFUSED = [
    ("an unknown property", "foo=1", 5, 400),
    ("a filter that does not parse", 'elements HAS "Si" AND', 5, 400),
    ("page_limit above the server's page_limit_max", None, 1000, 403),
]

# Quarantines that are right, by server id: {id: reason_code}. The reference data (v1.5.0) hold
# none that curate should refuse; a new one must be examined and added here with the reason.
EXPECTED_QUARANTINE = {}

failures = []


def check(condition, message, quiet=False):
    """Records a failed check; prints every check, or with `quiet` only a failed one."""
    if not condition or not quiet:
        print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)
    return condition


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(work):
    """The running server and its base URL; another free port when the chosen one was taken
    meanwhile; exits with the server's log when it does not start."""
    for attempt in range(3):
        started = start_server_once(work, last=attempt == 2)
        if started:
            return started
        print("the port was taken meanwhile; trying another")


def start_server_once(work, last):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    # The bundled test documents name their fields as Materials Project did (task_id,
    # pretty_formula); these aliases are those of the package's own example configuration.
    config = {
        "base_url": base,
        "database_backend": "mongomock",
        "insert_test_data": True,
        "provider": {"name": "Example provider", "description": "optimade-python-tools test data",
                     "prefix": "exmpl", "homepage": "https://example.com"},
        "provider_fields": {"structures": ["band_gap", {"name": "chemsys", "type": "string",
                                                        "description": "chemical system"}]},
        "aliases": {"structures": {"id": "task_id", "immutable_id": "_id",
                                   "chemical_formula_descriptive": "pretty_formula",
                                   "chemical_formula_reduced": "pretty_formula",
                                   "chemical_formula_anonymous": "formula_anonymous"}},
        "length_aliases": {"structures": {"chemsys": "nelements"}},
    }
    config_path = os.path.join(work, "optimade-config.json")
    with open(config_path, "w") as handle:
        json.dump(config, handle)
    env = dict(os.environ, OPTIMADE_CONFIG_FILE=config_path)
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "optimade.server.main:app", "--host", "127.0.0.1",
                               "--port", str(port), "--log-level", "warning"], env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            with urllib.request.urlopen(base + "/v1/info", timeout=2) as response:
                if response.status == 200:
                    return server, base
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    status = server.poll()
    why = f"exited with status {status}" if status is not None else f"did not answer within {START_TIMEOUT} s"
    if status is None:
        server.kill()
        server.wait()
    log.close()
    with open(os.path.join(work, "server.log")) as handle:
        log_text = handle.read()
    if "address already in use" in log_text.lower() and not last:
        return None
    sys.stderr.write(log_text[-4000:])
    sys.exit(f"error: the OPTIMADE reference server at {base} {why} (its log is above)")


def first_url(base, filter_text, page_limit):
    query = {"page_limit": str(page_limit)}
    if filter_text is not None:
        query["filter"] = filter_text
    return base + "/v1/structures?" + urllib.parse.urlencode(query, quote_via=urllib.parse.quote)


def server_answer(base, filter_text, page_limit):
    """All structures the server returns for the query, its data_returned, and its page count."""
    url, structures, pages, returned = first_url(base, filter_text, page_limit), [], 0, None
    while url:
        with urllib.request.urlopen(url, timeout=10) as response:
            page = json.load(response)
        pages += 1
        returned = returned if returned is not None else page["meta"].get("data_returned")
        structures += page["data"]
        link = (page.get("links") or {}).get("next")
        url = link.get("href") if isinstance(link, dict) else link
    return structures, returned, pages


def server_error_detail(base, filter_text, page_limit):
    try:
        urllib.request.urlopen(first_url(base, filter_text, page_limit), timeout=10)
    except urllib.error.HTTPError as error:
        return error.code, "; ".join(item.get("detail", "") for item in json.load(error).get("errors", []))
    return 200, ""


def curate(*arguments):
    started = time.monotonic()
    result = subprocess.run([CURATE, *arguments], capture_output=True, text=True, timeout=120)
    return result, time.monotonic() - started


def query(base, filter_text, page_limit, pages_dir, store):
    arguments = ["ingest", "optimade", base + "/v1", "--page-limit", str(page_limit), "--pages-dir", pages_dir,
                 "--store", store, "--json"]
    if filter_text is not None:
        arguments += ["--filter", filter_text]
    return curate(*arguments)


def composition(formula):
    """Element -> amount / total, from a formula like Ag2C6ClH12N3."""
    amounts = {}
    for symbol, count in re.findall(r"([A-Z][a-z]?)(\d*\.?\d*)", formula):
        amounts[symbol] = amounts.get(symbol, 0) + (float(count) if count else 1.0)
    total = sum(amounts.values())
    return {symbol: round(amount / total, 9) for symbol, amount in amounts.items()}


def check_geometry(name, identifier, metadata, attributes):
    """The cell volume curate read equals |det(lattice_vectors)|; a structure with two sites at the
    same position (the bundled test data are random cells, most with such sites) carries a
    `space_group_error` instead of a space group, and is kept: the record is its composition."""
    (a, b, c) = attributes["lattice_vectors"]
    volume = abs(a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]))
    check(abs(metadata.get("volume", -1) - volume) <= 1e-9 * max(volume, 1),
          f"{name}: {identifier}: cell volume {metadata.get('volume')} = the server's {volume:.6g} A^3", quiet=True)
    positions = attributes["cartesian_site_positions"]
    coincident = any(math.dist(p, q) < 1e-3 for i, p in enumerate(positions) for q in positions[:i])
    error, group = metadata.get("space_group_error"), metadata.get("space_group")
    if coincident:
        check(error in ("coincident-sites", "invalid-cell") and group is None,
              f"{name}: {identifier}: sites at the same position: space_group_error {error}, no space group", quiet=True)
    else:
        check((error is None) == (group is not None) and (group is None or 1 <= group <= 230),
              f"{name}: {identifier}: space group {group} or space_group_error {error}", quiet=True)


def store_rows(store, run_id):
    with sqlite3.connect(store) as db:
        observations = db.execute("""
            SELECT o.formula_as_written, o.metadata_json, m.reduced_formula FROM observations o
            JOIN materials m ON m.id = o.material_id WHERE o.run_id = ? AND o.property = 'structure'""", (run_id,)).fetchall()
        duplicates = db.execute("""
            SELECT o.metadata_json FROM raw_records r JOIN observations o ON o.id = r.duplicate_of_observation_id
            WHERE r.run_id = ? AND r.disposition = 'duplicate'""", (run_id,)).fetchall()
        quarantined = db.execute("""
            SELECT q.reason_code, q.message, q.field, r.content FROM quarantine q JOIN raw_records r ON r.id = q.raw_record_id
            WHERE q.run_id = ?""", (run_id,)).fetchall()
    return observations, duplicates, quarantined


def store_counts(store):
    with sqlite3.connect(store) as db:
        return tuple(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                     for table in ("ingest_runs", "raw_records", "observations", "quarantine"))


def check_query(base, work, store, name, filter_text, page_limit):
    print(f"== query {name}: filter {filter_text!r}, page_limit {page_limit}")
    expected, data_returned, expected_pages = server_answer(base, filter_text, page_limit)
    ids = {item["id"]: item["attributes"]["chemical_formula_reduced"] for item in expected}
    attributes = {item["id"]: item["attributes"] for item in expected}
    check(data_returned == len(expected), f"{name}: meta.data_returned {data_returned} = {len(expected)} structures on all pages")
    check(expected_pages == math.ceil(len(expected) / page_limit) and expected_pages >= 2,
          f"{name}: the server serves {len(expected)} structures on {expected_pages} pages (at least 2)")
    pages_dir = os.path.join(work, name + "-pages")
    result, seconds = query(base, filter_text, page_limit, pages_dir, store)
    if not check(result.returncode == 0, f"{name}: curate exits 0 ({seconds:.2f} s)"):
        print(result.stdout, result.stderr)
        return None
    report = json.loads(result.stdout)
    ingest = report["ingest"]
    check(report["pages_fetched"] == expected_pages and report["complete"],
          f"{name}: curate followed links.next over {report['pages_fetched']} pages, complete")
    check(ingest["read"] == len(expected) == ingest["stored"] + ingest["duplicates"] + ingest["quarantined"],
          f"{name}: read {ingest['read']} = stored {ingest['stored']} + duplicates {ingest['duplicates']} "
          f"+ quarantined {ingest['quarantined']} = the server's {len(expected)}")
    observations, duplicates, quarantined = store_rows(store, ingest["run_id"])
    seen, geometry = {}, {}
    for written, metadata_text, reduced in observations:
        metadata = json.loads(metadata_text)
        identifier = metadata["id"]
        seen[identifier] = written
        check(composition(reduced) == composition(ids.get(identifier) or ""),
              f"{name}: {identifier}: curate's reduced formula {reduced} is the server's {ids.get(identifier)}", quiet=True)
        if identifier in attributes:
            check_geometry(name, identifier, metadata, attributes[identifier])
        outcome = metadata.get("space_group_error") or f"space group {metadata.get('space_group')}"
        geometry[outcome] = geometry.get(outcome, 0) + 1
    if observations:
        print(f"     {len(observations)} stored structure(s): reduced formulas and cell volumes are the server's; "
              + ", ".join(f"{outcome} {count}" for outcome, count in sorted(geometry.items())))
    for (metadata,) in duplicates:
        identifier = json.loads(metadata)["id"]
        seen[identifier] = ids.get(identifier) if identifier in ids else "?"
    refused = {}
    for code, message, field, content in quarantined:
        identifier = json.loads(content).get("id", "?")
        refused[identifier] = code
        print(f"     quarantined {identifier}: {code} ({field}): {message}")
        check(EXPECTED_QUARANTINE.get(identifier) == code, f"{name}: the quarantine of {identifier} ({code}) is an expected one")
    check(set(seen) | set(refused) == set(ids) and not set(seen) & set(refused),
          f"{name}: stored, duplicate and quarantined ids are the server's {len(ids)} ids")
    mismatched = sorted(i for i, written in seen.items() if i in ids and written != ids[i])
    check(not mismatched, f"{name}: formulas as written are the server's chemical_formula_reduced"
          + (f" (differ: {mismatched})" if mismatched else ""))
    return report, pages_dir, expected, seconds


def main():
    if not os.access(CURATE, os.X_OK):
        sys.exit(f"error: {CURATE} is not an executable curate binary (build it or set CURATE)")
    with tempfile.TemporaryDirectory(prefix="optimade-reference-") as work:
        started = time.monotonic()
        server, base = start_server(work)
        print(f"reference server up at {base} in {time.monotonic() - started:.1f} s")
        try:
            store = os.path.join(work, "store.sqlite")
            results = {}
            for name, filter_text, page_limit in QUERIES:
                results[name] = (check_query(base, work, store, name, filter_text, page_limit), filter_text, page_limit)

            for what, filter_text, page_limit, expected_status in REFUSED:
                print(f"== refused: {what}: filter {filter_text!r}, page_limit {page_limit}")
                status, detail = server_error_detail(base, filter_text, page_limit)
                check(status == expected_status and detail, f"the server refuses it: HTTP {status}: {detail.splitlines()[0] if detail else ''}")
                before = store_counts(store)
                result, _ = query(base, filter_text, page_limit, os.path.join(work, "refused-pages"), store)
                print("     curate: " + result.stderr.strip().splitlines()[0] if result.stderr.strip() else "     curate printed nothing")
                one_line = " ".join(detail.split())  # curate gives a multi-line detail on one line
                check(result.returncode != 0 and detail and one_line in result.stderr and f"HTTP {status} from" in result.stderr,
                      "curate fails with the HTTP status and the server's detail")
                check(store_counts(store) == before, "the store is unchanged")

            outcome, filter_text, page_limit = results["silver"]
            if outcome:
                report, pages_dir, expected, _ = outcome
                print("== resume: the same query and pages folder again")
                before = store_counts(store)
                result, _ = query(base, filter_text, page_limit, pages_dir, store)
                again = json.loads(result.stdout) if result.returncode == 0 else None
                check(again is not None and again["pages_fetched"] == 0 and again["pages_reused"] == report["pages_fetched"]
                      and again["ingest"]["status"] == "unchanged",
                      f"nothing fetched, {report['pages_fetched']} pages reused, ingest unchanged"
                      + ("" if again else f": {result.stderr.strip()}"))
                check(store_counts(store) == before, "the store is unchanged")

                print("== resume after an interruption: query.json rewound to after page 1, later pages removed")
                state_path = os.path.join(pages_dir, "query.json")
                with open(state_path) as handle:
                    state = json.load(handle)
                with open(os.path.join(pages_dir, "page-0001.json")) as handle:
                    state["next"] = json.load(handle)["links"]["next"]
                for number in range(2, state["pages"] + 1):
                    os.remove(os.path.join(pages_dir, f"page-{number:04d}.json"))
                state["pages"] = 1
                with open(state_path, "w") as handle:
                    json.dump(state, handle)
                before = store_counts(store)
                result, _ = query(base, filter_text, page_limit, pages_dir, store)
                resumed = json.loads(result.stdout) if result.returncode == 0 else None
                ingest = resumed["ingest"] if resumed else {}
                check(resumed is not None and resumed["pages_reused"] == 1
                      and resumed["pages_fetched"] == report["pages_fetched"] - 1 and resumed["complete"],
                      f"resumed from page 2: 1 page reused, {report['pages_fetched'] - 1} fetched"
                      + ("" if resumed else f": {result.stderr.strip()}"))
                # Refetched pages carry a new meta.time_stamp, so the pages file is new: its records
                # are read again and all are duplicates (or the same quarantines).
                check(resumed is not None and ingest["read"] == len(expected) and ingest["stored"] == 0,
                      f"all {len(expected)} structures read again, none stored anew "
                      f"(duplicates {ingest.get('duplicates')}, quarantined {ingest.get('quarantined')})")
                check(store_counts(store)[2] == before[2], "no new observations")
        finally:
            server.terminate()
            server.wait(timeout=10)
        total = time.monotonic() - started
        summary = ", ".join(f"{name}: {outcome[2] and len(outcome[2])} structures / {outcome[0]['pages_fetched']} pages "
                            f"in {outcome[3]:.2f} s" for name, (outcome, _, _) in results.items() if outcome)
        print(f"summary: {summary}; whole check {total:.1f} s")
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
