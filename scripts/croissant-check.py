#!/usr/bin/env python3
"""Checks the Croissant description of a curate release with mlcroissant, the reference
implementation: croissant.json is loaded with mlcroissant.Dataset(jsonld=...), which validates
it (errors raise), then every record set is read through mlcroissant and compared with its CSV:
the row count, and every cell (text as written, floats as numbers). The sha256 of every file
object must equal the manifest's and the file's own.

Usage: croissant-check.py RELEASE_DIR
Prints {"mlcroissant": version, "splits": {record set: rows}, "cells": N, "warnings": [...]}
and exits 0, or lists the problems and exits 1; exits 3 when mlcroissant is missing.
"""
import csv
import hashlib
import importlib.metadata
import json
import math
import os
import sys


def load_mlcroissant():
    try:
        import mlcroissant
    except ImportError:
        print("error: the Python package mlcroissant is missing; run: python3 -m pip install mlcroissant", file=sys.stderr)
        sys.exit(3)
    return mlcroissant


def same_cell(value, text, data_type):
    """Whether mlcroissant's value of a cell is the CSV's text."""
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    if data_type.endswith("Float"):
        if text == "":
            return value is None or (isinstance(value, float) and math.isnan(value))
        number = float(text)
        return value == number or (math.isnan(number) and math.isnan(value))
    if data_type.endswith("Integer"):
        return text != "" and int(value) == int(text)
    if data_type.endswith("Boolean"):
        return bool(value) == (text == "true")
    return ("" if value is None else str(value)) == text


def main():
    if len(sys.argv) != 2:
        print("usage: croissant-check.py RELEASE_DIR", file=sys.stderr)
        return 2
    directory = os.path.abspath(sys.argv[1])
    mlc = load_mlcroissant()
    path = os.path.join(directory, "croissant.json")
    with open(path, encoding="utf-8") as handle:
        description = json.load(handle)
    with open(os.path.join(directory, "manifest.json"), encoding="utf-8") as handle:
        manifest = {entry["path"]: entry for entry in json.load(handle)["files"]}

    problems = []
    dataset = mlc.Dataset(jsonld=path)  # validates; raises on errors
    warnings = sorted(str(warning) for warning in dataset.metadata.ctx.issues.warnings)

    files = {}
    for item in description.get("distribution", []):
        url = item["contentUrl"]
        files[item["@id"]] = url
        with open(os.path.join(directory, url), "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
        entry = manifest.get(url)
        if entry is None:
            problems.append(f"{url}: not in the manifest")
        elif item.get("sha256") != entry["sha256"] or digest != entry["sha256"]:
            problems.append(f"{url}: sha256 {item.get('sha256')} (file {digest}) differs from the manifest's {entry['sha256']}")

    splits, cells = {}, 0
    for record_set in description.get("recordSet", []):
        name = record_set["@id"]
        fields = record_set["field"]
        sources = {field["source"]["fileObject"]["@id"] for field in fields}
        if len(sources) != 1:
            problems.append(f"record set {name}: fields read {sorted(sources)}, not one file")
            continue
        url = files[sources.pop()]
        with open(os.path.join(directory, url), newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            rows = list(reader)
        columns = [field["source"]["extract"]["column"] for field in fields]
        if columns != header:
            problems.append(f"record set {name}: fields {columns}, {url} has columns {header}")
            continue
        records = list(dataset.records(record_set=name))
        splits[name] = len(records)
        if len(records) != len(rows) or len(rows) != manifest[url]["rows"]:
            problems.append(f"record set {name}: mlcroissant reads {len(records)} records, {url} has {len(rows)} rows, the manifest says {manifest[url]['rows']}")
            continue
        for index, (record, row) in enumerate(zip(records, rows)):
            for position, field in enumerate(fields):
                value = record[field["@id"]]
                if not same_cell(value, row[position], field["dataType"]):
                    problems.append(f"{url} row {index} {header[position]}: mlcroissant {value!r}, csv {row[position]!r}")
                cells += 1
            if len(problems) > 20:
                break

    if problems:
        print("\n".join(problems[:20]), file=sys.stderr)
        return 1
    json.dump({"mlcroissant": importlib.metadata.version("mlcroissant"), "splits": splits, "cells": cells, "warnings": warnings},
              sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
