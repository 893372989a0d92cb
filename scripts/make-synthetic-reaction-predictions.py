#!/usr/bin/env python3
"""Writes N synthetic lines in the shape `curate predict reaction --json` prints, for timing
`curate flag reactions` (cosine top-K over N x DIM embeddings) without a trained model.

    scripts/make-synthetic-reaction-predictions.py N DIM SEED > predictions.jsonl

Four fifths of the rows are in the train split; embeddings are clustered Gaussian vectors so that
neighbour lists are not trivial. Deterministic for a given seed.
"""
import json
import random
import sys


def main() -> None:
    n, dim, seed = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    centres = [[rng.gauss(0, 1) for _ in range(dim)] for _ in range(64)]
    for i in range(n):
        centre = centres[rng.randrange(len(centres))]
        embedding = [round(c + rng.gauss(0, 0.3), 5) for c in centre]
        a = rng.uniform(0.2, 0.3)
        predicted = {"Li": a, "Co": 0.5 - a, "O": 0.5}
        observed = {"Li": 0.25, "Co": 0.25, "O": 0.5}
        l1 = sum(abs(predicted[k] - observed[k]) for k in observed)
        print(json.dumps({
            "id": f"r{i:06d}", "composition": "LiCoO2", "doi": f"10.1000/bench.{i}",
            "split": "test" if i % 5 == 0 else "train", "precursors": ["Li2CO3", "Co3O4"],
            "actions": ["dry_mixing", "heating"], "predicted": predicted, "observed": observed,
            "l1": l1, "elemd": None, "uncertainty": rng.uniform(0.01, 0.1), "embedding": embedding,
        }, separators=(",", ":")))


if __name__ == "__main__":
    main()
