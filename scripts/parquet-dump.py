#!/usr/bin/env python3
"""Reads a Parquet file with pyarrow (and DuckDB with --duckdb) and prints it as JSON, for the
Swift tests of curate's Parquet writer.

Output: {"rows": N, "row_groups": G, "created_by": ..., "schema": {column: arrow type text},
"columns": {column: [values]}} with doubles as their shortest repr text (so a reader gets
the exact value back), nulls as null and lists as lists. With --duckdb the file is read again
with DuckDB and the script exits 1 if any cell differs from pyarrow's.

Exit status 3 (with a message naming the pip command) when pyarrow or duckdb is missing.
"""
import importlib
import json
import math
import sys


def need(module):
    try:
        return importlib.import_module(module)
    except ImportError:
        print(f"error: the Python package {module} is missing; run: pip install pyarrow duckdb", file=sys.stderr)
        sys.exit(3)


def cell(value):
    if isinstance(value, float):
        return repr(value) if not math.isnan(value) else "nan"
    if isinstance(value, list):
        return [cell(item) for item in value]
    return value


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print("usage: parquet-dump.py FILE.parquet [--duckdb]", file=sys.stderr)
        return 2
    path = args[0]
    pq = need("pyarrow.parquet")
    parquet = pq.ParquetFile(path)
    table = parquet.read()
    columns = {name: [cell(v) for v in table.column(name).to_pylist()] for name in table.column_names}
    out = {
        "rows": table.num_rows,
        "row_groups": parquet.num_row_groups,
        "created_by": parquet.metadata.created_by,
        "schema": {field.name: str(field.type) for field in table.schema},
        "columns": columns,
    }
    if "--duckdb" in sys.argv:
        duckdb = need("duckdb")
        connection = duckdb.connect()
        result = connection.execute("SELECT * FROM read_parquet(?)", [path])
        names = [d[0] for d in result.description]
        rows = result.fetchall()
        if names != table.column_names:
            print(f"error: DuckDB reads columns {names}, pyarrow {table.column_names}", file=sys.stderr)
            return 1
        for index, name in enumerate(names):
            values = [cell(row[index]) for row in rows]
            if values != columns[name]:
                first = next(i for i, (a, b) in enumerate(zip(values, columns[name])) if a != b) if len(values) == len(columns[name]) else -1
                print(f"error: column {name}: DuckDB and pyarrow differ (first at row {first})", file=sys.stderr)
                return 1
        out["duckdb_rows"] = len(rows)
    json.dump(out, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
