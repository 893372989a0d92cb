"""Densities of a release's records, read by pymatgen from the source files the release names.

The density baseline of the polymorph ranking (issue 20): a model must beat a ranking by the
density alone. Independent of curate: the structures are read by pymatgen straight from the
shared data (CIF text in a CSV column, matminer Python-repr dicts, MP ComputedStructureEntry JSON,
and for a table joined to CIFs by id, the CIF of the record's entry id).
"""
import ast, csv, gzip, io, json, lzma, os
import warnings
from pymatgen.core import Structure

warnings.filterwarnings("ignore", message="Issues encountered while parsing CIF")


def _open_text(path):
    if path.endswith(".xz"):
        return io.TextIOWrapper(lzma.open(path), encoding="utf-8")
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8")
    return open(path, encoding="utf-8")


def _source_paths(release):
    manifest = json.load(open(os.path.join(release, "manifest.json")))
    sources = {}
    for source in manifest["sources"]:
        path = os.path.normpath(os.path.join(release, source["path_from_release"]))
        if not os.path.exists(path):  # a release written outside datasets/<name>/<version>
            path = os.path.normpath(os.path.join("../shared/data", source["path_from_release"].split("shared/data/", 1)[-1]))
        sources[source["name"]] = (source["kind"], path)
    return sources


def _table_structures(path, wanted):
    """id → Structure for a CSV with a `cif` column (CDVAE layout) or a `structure` Python-repr column (matminer)."""
    lines = [line for line in _open_text(path) if not line.startswith("#")]
    found = {}
    for row in csv.DictReader(lines):
        key = row.get("material_id") or row.get("id") or ""
        if key not in wanted:
            continue
        if row.get("cif"):
            found[key] = Structure.from_str(row["cif"], fmt="cif")
        else:
            found[key] = Structure.from_dict(ast.literal_eval(row["structure"]))
    return found


def _entry_structures(path, wanted):
    entries = json.load(_open_text(path))
    return {e["entry_id"]: Structure.from_dict(e["structure"]) for e in entries if e.get("entry_id") in wanted}


def densities(release, records):
    """record id → density (g/cm³) for `records` (rows of the release's records.csv)."""
    sources = _source_paths(release)
    cif_dirs = [path for kind, path in sources.values() if kind == "cif"]
    wanted = {}
    for r in records:
        source, entry = r["sources"].split(";")[0], r["entry_ids"].split(";")[0]
        wanted.setdefault(source, {})[entry] = r["id"]
    result = {}
    for source, entries in wanted.items():
        kind, path = sources[source]
        if kind == "structures":
            structures = _table_structures(path, entries)
        elif path.endswith((".json", ".json.gz")):
            structures = _entry_structures(path, entries)
        else:  # a table joined by id to a folder of CIFs
            structures = {e: Structure.from_file(os.path.join(d, e + ".cif")) for e in entries for d in cif_dirs
                          if os.path.exists(os.path.join(d, e + ".cif"))}
        for entry, record_id in entries.items():
            if entry in structures:
                result[record_id] = float(structures[entry].density)
    return result
