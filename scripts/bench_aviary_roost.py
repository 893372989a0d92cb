#!/usr/bin/env python3
"""Trains aviary's PyTorch Roost (the reference implementation) on an `id,composition,target`
train CSV and scores it on a test CSV; the Python half of scripts/bench-roost-vs-aviary.sh.

Uses aviary's own model (`aviary.roost.model.Roost`), data set and collate function
(`aviary.roost.data`), loss (`aviary.losses.robust_l1_loss`) and target normaliser
(`aviary.data.Normalizer`), with torch's AdamW. The loop below is a plain training loop, so the
timed part is exactly the training passes (forward, backward, optimiser step, batch collation
from the pre-featurised, cached data set); featurisation (pymatgen parsing) and one throw-away
warm-up step (torch's lazy first-step initialisation) are done before the clock starts, as the
Swift side parses its CSV before its epochs are timed.

The element embedding is frozen (as in the paper and in the Swift Roost, where only the learned
n x (d-1) projection is trained); aviary leaves its `nn.Embedding` trainable by default.

Prints one JSON object on stdout.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader

from aviary.data import Normalizer
from aviary.roost.data import CompositionData, collate_batch
from aviary.roost.model import Roost

from aviary_training import predict, train_epoch, warm_up

TASK = {"target": "regression"}


def load(path: str) -> CompositionData:
    df = pd.read_csv(path, keep_default_na=False, dtype={"id": str, "composition": str})
    df["target"] = df["target"].astype(float)
    data = CompositionData(df, task_dict=TASK, inputs="composition", identifiers=("id", "composition"))
    for i in range(len(data)):  # featurise once (cached by aviary), outside the timed loop
        data[i]
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", required=True)
    parser.add_argument("--test", required=True)
    parser.add_argument("--embedding", required=True, help="element embedding JSON (matscholar200)")
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--ensemble", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--weight-decay", type=float, default=1e-6)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    t0 = time.perf_counter()
    train = load(args.train)
    test = load(args.test)
    featurise_s = time.perf_counter() - t0
    y_train = torch.tensor(train.df["target"].to_numpy(), dtype=torch.float32)
    y_test = test.df["target"].to_numpy()

    warm_model = Roost(robust=True, n_targets=[1], elem_embedding=args.embedding, task_dict=TASK, device="cpu")
    warm_opt = torch.optim.AdamW(warm_model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    warm_up(warm_model, warm_opt, train, collate_batch, args.batch_size)
    warmup_s = time.perf_counter() - t0 - featurise_s

    member_preds, member_maes, epoch_seconds = [], [], []
    for k in range(args.ensemble):
        seed = args.seed + k
        torch.manual_seed(seed)
        np.random.seed(seed)
        model = Roost(robust=True, n_targets=[1], elem_embedding=args.embedding, task_dict=TASK, device="cpu")
        model.elem_embedding.weight.requires_grad_(False)
        normalizer = Normalizer()
        normalizer.fit(y_train)
        optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad],
                                      lr=args.lr, weight_decay=args.weight_decay)
        generator = torch.Generator().manual_seed(seed)
        loader = DataLoader(train, batch_size=args.batch_size, shuffle=True, collate_fn=collate_batch,
                            generator=generator)
        for epoch in range(1, args.epochs + 1):
            seconds, loss, mae, n = train_epoch(model, normalizer, optimizer, loader)
            epoch_seconds.append(seconds)
            print(f"aviary member {k + 1}/{args.ensemble} epoch {epoch}/{args.epochs}: train loss {loss:.4g} "
                  f"MAE {mae:.4g} ({seconds:.1f}s, {n / seconds:.0f} samples/s)", file=sys.stderr, flush=True)
        preds = predict(model, normalizer, test, collate_batch, 1024)
        member_preds.append(preds)
        member_maes.append(float(np.mean(np.abs(preds - y_test))))

    ensemble_pred = np.mean(member_preds, axis=0)
    n_train = len(train)
    result = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "train_rows": n_train,
        "test_rows": len(test),
        "epochs": args.epochs,
        "ensemble": args.ensemble,
        "featurise_seconds": featurise_s,
        "warmup_seconds": warmup_s,
        "epoch_seconds": epoch_seconds,
        "train_seconds": float(sum(epoch_seconds)),
        "samples_per_second": n_train * len(epoch_seconds) / sum(epoch_seconds),
        "member_test_mae": member_maes,
        "test_mae": float(np.mean(np.abs(ensemble_pred - y_test))),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
