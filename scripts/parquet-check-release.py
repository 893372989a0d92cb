#!/usr/bin/env python3
"""Checks the Parquet exports of a curate release against its CSV: every
exports/parquet/<split>.parquet is read with pyarrow and with DuckDB, and every cell is compared
with the rows of records.csv in that split (lists joined as the CSV joins them, nulls as empty
cells, numbers exactly). composition_json must name the elements of chemical_system. The
manifest's sha256 and byte count of each Parquet file are checked too.

Usage: parquet-check-release.py RELEASE_DIR
Prints {"splits": {label: rows}, "cells": N, "columns": [...]} and exits 0, or lists the
mismatches and exits 1; exits 3 when pyarrow or duckdb is missing.
"""
import csv
import hashlib
import importlib
import json
import os
import sys


def need(module):
    try:
        return importlib.import_module(module)
    except ImportError:
        print(f"error: the Python package {module} is missing; run: pip install pyarrow duckdb", file=sys.stderr)
        sys.exit(3)


def as_csv(column, value):
    """The CSV text curate writes for a Parquet cell of `column`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return (">" if column == "actions" else ";").join(value)
    return value


def same(column, value, text):
    if isinstance(value, float):
        return text != "" and float(text) == value and repr(float(text)) == repr(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return text != "" and int(text) == value
    return as_csv(column, value) == text


def main():
    if len(sys.argv) != 2:
        print("usage: parquet-check-release.py RELEASE_DIR", file=sys.stderr)
        return 2
    directory = sys.argv[1]
    pq = need("pyarrow.parquet")
    duckdb = need("duckdb")
    with open(os.path.join(directory, "manifest.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    with open(os.path.join(directory, "records.csv"), newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    files = {entry["path"]: entry for entry in manifest["files"] if entry["path"].startswith("exports/parquet/")}
    problems, cells, splits, columns = [], 0, {}, None
    if not files:
        problems.append("the manifest lists no exports/parquet files")
    connection = duckdb.connect()
    for path, entry in sorted(files.items()):
        label = os.path.basename(path)[: -len(".parquet")]
        full = os.path.join(directory, path)
        with open(full, "rb") as handle:
            data = handle.read()
        if hashlib.sha256(data).hexdigest() != entry["sha256"] or len(data) != entry["bytes"]:
            problems.append(f"{path}: sha256 or size differs from the manifest")
        table = pq.read_table(full)
        columns = table.column_names
        if [c for c in columns if c != "composition_json"] != header:
            problems.append(f"{path}: columns {columns} are not records.csv's {header} plus composition_json")
            continue
        expected = [row for row in rows if row[header.index("split")] == label]
        splits[label] = table.num_rows
        if table.num_rows != len(expected) or table.num_rows != entry["rows"]:
            problems.append(f"{path}: {table.num_rows} rows, records.csv has {len(expected)} in {label}, the manifest {entry['rows']}")
            continue
        arrow = {name: table.column(name).to_pylist() for name in columns}
        result = connection.execute("SELECT * FROM read_parquet(?)", [full])
        duck = result.fetchall()
        if [d[0] for d in result.description] != columns or len(duck) != table.num_rows:
            problems.append(f"{path}: DuckDB reads other columns or another row count")
            continue
        for index, row in enumerate(expected):
            for position, name in enumerate(columns):
                value = arrow[name][index]
                if duck[index][position] != value:
                    problems.append(f"{path} row {index} {name}: DuckDB {duck[index][position]!r}, pyarrow {value!r}")
                if name == "composition_json":
                    elements = sorted(json.loads(value).keys())
                    if "-".join(elements) != row[header.index("chemical_system")]:
                        problems.append(f"{path} row {index}: composition_json {value} vs chemical_system {row[header.index('chemical_system')]}")
                elif not same(name, value, row[header.index(name)]):
                    problems.append(f"{path} row {index} {name}: parquet {value!r}, csv {row[header.index(name)]!r}")
                cells += 1
            if len(problems) > 20:
                break
    if problems:
        print("\n".join(problems[:20]), file=sys.stderr)
        return 1
    json.dump({"splits": splits, "cells": cells, "columns": columns}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
