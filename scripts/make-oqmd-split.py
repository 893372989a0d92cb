#!/usr/bin/env python3
"""A fixed, seeded train/test split of a composition CSV, written as two `id,composition,target` CSVs.

Used by scripts/bench-roost-vs-aviary.sh (OQMD, 90/10) and scripts/transfer-bandgap.sh
(experimental band gaps, 80/20, non-metals only) so that the Swift and the PyTorch side read
exactly the same files. Standard library only; the split depends only on --seed and the row count.

    scripts/make-oqmd-split.py --out DIR                       # the OQMD 90/10 split
    scripts/make-oqmd-split.py --data X.csv --composition-column formula --target-column target \
        --test-fraction 0.2 --positive-only --out DIR
"""
import argparse
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "..", "..", "shared", "data", "oqmd", "roost-oqmd-256k-testsplit.csv")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--out", required=True, help="directory for train.csv and test.csv")
    parser.add_argument("--test-fraction", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--id-column", default="id", help="absent column: the 1-based data row number is used")
    parser.add_argument("--composition-column", default="composition")
    parser.add_argument("--target-column", default="target")
    parser.add_argument("--positive-only", action="store_true", help="keep only rows with target > 0")
    args = parser.parse_args()

    with open(args.data, newline="") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for number, row in enumerate(reader, start=1):
            target = float(row[args.target_column])
            if args.positive_only and not target > 0:
                continue
            ident = row[args.id_column] if args.id_column in row else str(number)
            rows.append((ident, row[args.composition_column], row[args.target_column]))
    if not rows:
        print(f"no rows in {args.data}", file=sys.stderr)
        return 1

    order = list(range(len(rows)))
    random.Random(args.seed).shuffle(order)
    n_test = round(len(rows) * args.test_fraction)
    test = sorted(order[:n_test])
    train = sorted(order[n_test:])

    os.makedirs(args.out, exist_ok=True)
    for name, indices in (("train.csv", train), ("test.csv", test)):
        with open(os.path.join(args.out, name), "w", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "composition", "target"])
            for i in indices:
                writer.writerow(rows[i])
    print(f"{args.data}: {len(rows)} rows -> train {len(train)}, test {len(test)} "
          f"(seed {args.seed}) in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
