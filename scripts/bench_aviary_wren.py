#!/usr/bin/env python3
"""Trains aviary's PyTorch Wren (the reference implementation) on a `wyckoff` release's
exports/wren train split, keeps the epoch with the best validation MAE and scores it on the test
split; the Python half of scripts/bench-wren-vs-aviary.sh.

Uses aviary's own model (`aviary.wren.model.Wren`), data set and collate function
(`aviary.wren.data`, which parses the aviary protostructure labels `ABC3_cP5_221_a_b_c:Ba-O-Ti`
with pymatgen's Wyckoff tables and expands every label into its equivalent Wyckoff labellings),
loss (`aviary.losses.robust_l1_loss`) and target normaliser (`aviary.data.Normalizer`), with
torch's AdamW. The loop below is a plain training loop, so the timed part is exactly the training
passes (forward, backward, optimiser step, batch collation from the pre-featurised, cached data
set); featurisation (label parsing) and one throw-away warm-up step (torch's lazy first-step
initialisation) are done before the clock starts, and validation after each epoch is not timed,
as the Swift side parses its CSVs before its epochs and reports `train_seconds` without
validation.

The sizes mirror curate's `WrenConfig` (Sources/Models/Wren/WrenConfig.swift), expressed with
aviary's constructor arguments:

* paper: element 200 -> 32, Wyckoff (+ multiplicity) -> 32, 3 message-passing layers with 1 head
  and 256-wide gate / message networks, 1 pooling head (256 / 256), output 256-256-128-64 ->
  (mu, log sigma);
* small: 16 + 16 features, hidden 64, output 128-64;
* tiny: 8 + 8 features, 2 message-passing layers, hidden 32, output 64-32.

curate's output network is residual throughout (64 -> 256 with a projected skip, then
256 -> 256 -> 128 -> 64); aviary's is `trunk_nn` (a ResidualNetwork), a ReLU, then the output
ResidualNetwork. With `trunk_hidden=()` the trunk is one Linear(d, out[0]) + ReLU, so aviary gets
the same widths and depth and only its first output layer lacks the projected skip.

The element and Wyckoff embeddings are frozen (as in the Swift Wren, where they are constant
inputs and only the learned projections are trained); aviary leaves its `nn.Embedding`s
trainable by default. aviary's weighted attention learns a power p of the multiplicity weights
(w**p, p initialised from randn); curate fixes p = 1. `--fixed-pow` freezes aviary's p at 1 too.

Prints one JSON object on stdout.
"""
import argparse
import copy
import json
import sys
import time

import numpy as np
import pandas as pd
import torch
from torch.utils.data import DataLoader

from aviary.data import Normalizer
from aviary.segments import WeightedAttentionPooling
from aviary.wren.data import WyckoffData, collate_batch
from aviary.wren.model import Wren

from aviary_training import predict, train_epoch, warm_up

# aviary constructor arguments for curate's WrenConfig sizes.
SIZES = {
    "paper": dict(elem_fea_len=32, sym_fea_len=32, n_graph=3, elem_heads=1, elem_gate=(256,), elem_msg=(256,),
                  cry_heads=1, cry_gate=(256,), cry_msg=(256,), trunk_hidden=(), out_hidden=(256, 256, 128, 64)),
    "small": dict(elem_fea_len=16, sym_fea_len=16, n_graph=3, elem_heads=1, elem_gate=(64,), elem_msg=(64,),
                  cry_heads=1, cry_gate=(64,), cry_msg=(64,), trunk_hidden=(), out_hidden=(128, 64)),
    "tiny": dict(elem_fea_len=8, sym_fea_len=8, n_graph=2, elem_heads=1, elem_gate=(32,), elem_msg=(32,),
                 cry_heads=1, cry_gate=(32,), cry_msg=(32,), trunk_hidden=(), out_hidden=(64, 32)),
    # aviary's own defaults (the Wren paper's), for reference: 3 pooling heads, 1024-512 trunk.
    "aviary-default": dict(),
}


def load(path: str, target: str, id_column: str, label_column: str) -> WyckoffData:
    df = pd.read_csv(path, keep_default_na=False, dtype={id_column: str, label_column: str})
    df[target] = df[target].astype(float)
    if label_column != "protostructure":
        df = df.rename(columns={label_column: "protostructure"})
    if "composition" not in df.columns:
        df["composition"] = ""
    data = WyckoffData(df, task_dict={target: "regression"}, inputs="protostructure",
                       identifiers=(id_column, "protostructure"))
    for i in range(len(data)):  # featurise once (cached by aviary), outside the timed loop
        data[i]
    return data


def build(size: str, embedding: str, target: str, fixed_pow: bool) -> Wren:
    model = Wren(robust=True, n_targets=[1], elem_embedding=embedding, sym_embedding="bra-alg-off",
                 task_dict={target: "regression"}, device="cpu", **SIZES[size])
    model.elem_embedding.weight.requires_grad_(False)
    model.sym_embedding.weight.requires_grad_(False)
    if fixed_pow:
        for module in model.modules():
            if isinstance(module, WeightedAttentionPooling):
                module.pow.data.fill_(1.0)
                module.pow.requires_grad_(False)
    return model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", required=True)
    parser.add_argument("--validation", required=True, help="validation CSV (checkpoint selection)")
    parser.add_argument("--test", required=True)
    parser.add_argument("--target", default="heat_ref")
    parser.add_argument("--id-column", default="material_id")
    parser.add_argument("--protostructure-column", default="protostructure",
                        help="label column; renamed to aviary's `protostructure`")
    parser.add_argument("--embedding", default="matscholar200", help="element embedding JSON or aviary name")
    parser.add_argument("--size", choices=sorted(SIZES), default="paper")
    parser.add_argument("--fixed-pow", action="store_true", help="freeze the attention weight power at 1 (as curate)")
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--batch-size", type=int, default=128)
    parser.add_argument("--lr", type=float, default=3e-4)
    parser.add_argument("--weight-decay", type=float, default=1e-6)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    columns = (args.target, args.id_column, args.protostructure_column)
    t0 = time.perf_counter()
    train = load(args.train, *columns)
    validation = load(args.validation, *columns)
    test = load(args.test, *columns)
    featurise_s = time.perf_counter() - t0
    y_train = torch.tensor(train.df[args.target].to_numpy(), dtype=torch.float32)
    y_val = validation.df[args.target].to_numpy()
    y_test = test.df[args.target].to_numpy()

    warm_model = build(args.size, args.embedding, args.target, args.fixed_pow)
    warm_opt = torch.optim.AdamW([p for p in warm_model.parameters() if p.requires_grad], lr=args.lr,
                                 weight_decay=args.weight_decay)
    warm_up(warm_model, warm_opt, train, collate_batch, args.batch_size)
    warmup_s = time.perf_counter() - t0 - featurise_s

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    model = build(args.size, args.embedding, args.target, args.fixed_pow)
    trainable = [p for p in model.parameters() if p.requires_grad]
    normalizer = Normalizer()
    normalizer.fit(y_train)
    optimizer = torch.optim.AdamW(trainable, lr=args.lr, weight_decay=args.weight_decay)
    generator = torch.Generator().manual_seed(args.seed)
    loader = DataLoader(train, batch_size=args.batch_size, shuffle=True, collate_fn=collate_batch,
                        generator=generator)
    epoch_seconds, val_maes = [], []
    best = None  # (val MAE, epoch, state dict)
    for epoch in range(1, args.epochs + 1):
        seconds, loss, mae, n = train_epoch(model, normalizer, optimizer, loader)
        epoch_seconds.append(seconds)
        val_mae = float(np.mean(np.abs(predict(model, normalizer, validation, collate_batch, 256) - y_val)))
        val_maes.append(val_mae)
        if best is None or val_mae < best[0]:
            best = (val_mae, epoch, copy.deepcopy(model.state_dict()))
        print(f"aviary Wren ({args.size}) epoch {epoch}/{args.epochs}: train loss {loss:.4g} "
              f"MAE {mae:.4g}, val MAE {val_mae:.4g} ({seconds:.1f}s, {n / seconds:.0f} samples/s)",
              file=sys.stderr, flush=True)
    model.load_state_dict(best[2])
    preds = predict(model, normalizer, test, collate_batch, 256)

    n_train = len(train)
    result = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "size": args.size,
        "fixed_pow": args.fixed_pow,
        "model_args": {k: list(v) if isinstance(v, tuple) else v for k, v in SIZES[args.size].items()},
        "trainable_parameters": int(sum(p.numel() for p in trainable)),
        "train_rows": n_train,
        "validation_rows": len(validation),
        "test_rows": len(test),
        "epochs": args.epochs,
        "best_epoch": best[1],
        "best_validation_mae": best[0],
        "validation_mae": val_maes,
        "featurise_seconds": featurise_s,
        "warmup_seconds": warmup_s,
        "epoch_seconds": epoch_seconds,
        "train_seconds": float(sum(epoch_seconds)),
        "samples_per_second": n_train * len(epoch_seconds) / sum(epoch_seconds),
        "test_mae": float(np.mean(np.abs(preds - y_test))),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
