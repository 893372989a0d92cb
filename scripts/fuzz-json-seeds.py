"""Writes small seed inputs for the JSON fuzz targets (scripts/fuzz.sh): the first records of the
real files and fixtures, minified so each seed fits libFuzzer's 4096-byte inputs.
Usage: python3 fuzz-json-seeds.py DATA_DIR REPO_DIR OUT_DIR"""
import gzip, json, lzma, os, sys

data, repo, out = sys.argv[1:4]


def load(path):
    opener = gzip.open if path.endswith(".gz") else lzma.open if path.endswith(".xz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def write(target, name, value):
    os.makedirs(os.path.join(out, target, "corpus"), exist_ok=True)
    text = json.dumps(value, separators=(",", ":"))
    if len(text) <= 4096:
        with open(os.path.join(out, target, "corpus", name), "w", encoding="utf-8") as handle:
            handle.write(text)


def first(value, count):
    if isinstance(value, list):
        return value[:count]
    if isinstance(value, dict):
        for key in ("data", "reactions"):
            if isinstance(value.get(key), list):
                return dict(value, **{key: value[key][:count]})
    return value


fixtures = os.path.join(repo, "Tests", "IngestTests", "Fixtures")
mp_files = [os.path.join(fixtures, name) for name in ("mp-entries-sample.json", "mp-summary-docs.json", "li-fe-o-entries.json")]
mp_files += [os.path.join(data, "mp", "2023-02-07-mp-elemental-reference-entries.json")]
for number, path in enumerate(mp_files):
    document = load(path)
    for count in (1, 2):
        write("mpjson", f"mp{number}-{count}", first(document, count))
        if isinstance(document, list) and document:
            write("mpjson", f"mp{number}-one", document[0])
optimade = load(os.path.join(fixtures, "optimade-structures.json"))
for count in (1, 2, 3):
    write("optimade", f"page{count}", first(optimade, count))
if isinstance(optimade, dict) and isinstance(optimade.get("data"), list):
    for number, entry in enumerate(optimade["data"][:6]):
        write("optimade", f"entry{number}", {"data": entry})
solid_state = load(os.path.join(data, "synthesis", "solid-state_dataset_2019-12-03.json.xz"))
for number, reaction in enumerate(solid_state["reactions"][:40]):
    write("synthesis", f"ss{number}", {"release_date": solid_state.get("release_date"), "reactions": [reaction]})
sol_gel = load(os.path.join(data, "synthesis", "sol-gel-2020-schema-sample-40.json"))
for number, reaction in enumerate(first(sol_gel, 10) if isinstance(sol_gel, list) else sol_gel.get("reactions", [])[:10]):
    write("synthesis", f"sg{number}", [reaction])
