"""The plain training loop shared by the aviary side-by-side benchmarks (bench_aviary_roost.py,
bench_aviary_wren.py): a throw-away warm-up step, one timed epoch of robust-L1 training with
aviary's Normalizer, and denormalised mean predictions. The model, data set and collate
function are aviary's own, passed in."""
import time

import numpy as np
import torch
from torch.utils.data import DataLoader

from aviary.losses import robust_l1_loss


def warm_up(model, optimizer, data, collate, batch_size: int) -> None:
    """One throw-away step before any clock starts: torch's first AdamW step and first autograd
    pass pay one-off lazy imports and initialisation, which are not training."""
    inputs, *_ = collate([data[i] for i in range(min(batch_size, len(data)))])
    optimizer.zero_grad()
    model(*inputs)[0].sum().backward()
    optimizer.step()


def train_epoch(model, normalizer, optimizer, loader) -> tuple:
    """One training pass; returns (seconds, mean loss, mean absolute error, samples)."""
    model.train()
    started = time.perf_counter()
    loss_sum, err_sum, n = 0.0, 0.0, 0
    for inputs, targets_list, *_ in loader:
        (output,) = model(*inputs)
        target = normalizer.norm(targets_list[0]).squeeze(1)
        mean, log_std = output.unbind(dim=1)
        loss = robust_l1_loss(mean, log_std, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        b = target.shape[0]
        loss_sum += loss.item() * b
        err_sum += float((normalizer.denorm(mean.detach()) - normalizer.denorm(target)).abs().sum())
        n += b
    return time.perf_counter() - started, loss_sum / n, err_sum / n, n


def predict(model, normalizer, data, collate, batch_size: int) -> np.ndarray:
    """Denormalised mean predictions for every row of `data`, in order."""
    model.eval()
    loader = DataLoader(data, batch_size=batch_size, shuffle=False, collate_fn=collate)
    out = []
    with torch.no_grad():
        for inputs, _targets, *_ in loader:
            (output,) = model(*inputs)
            mean, _log_std = output.unbind(dim=1)
            out.append(normalizer.denorm(mean).numpy())
    return np.concatenate(out)
