#!/usr/bin/env python3
"""Reference outputs of aviary's WeightedAttentionPooling (its learnable power on the weights)
for Tests/ModelsTests/Fixtures/aviary-attention-power.json.

aviary-models 1.2.1's own module is run on small random inputs: node features x [n, 3] in
4 segments, fractional weights per segment, a linear gate network (weights written to the
fixture) and an identity message network, so the output is Σ_i a_i x_i per segment with
a_i = w_i^p exp(g_i) / Σ_k w_k^p exp(g_k). Four powers are tried, including 1 (the thesis' form)
and negative ones. curate's `AttentionLayers` must reproduce every output.

Usage: python3 scripts/aviary-attention-power-fixture.py > Tests/ModelsTests/Fixtures/aviary-attention-power.json
Needs: the CPU torch wheel and aviary-models (see README "Roost and deep ensembles").
"""
import json
import importlib.metadata
import torch
from aviary.segments import WeightedAttentionPooling

torch.manual_seed(0)
segments = [0, 0, 0, 1, 1, 2, 3, 3, 3, 3]
index = torch.tensor(segments)
amounts = torch.rand(len(segments), 1) + 0.05
totals = torch.zeros(4, 1).index_add_(0, index, amounts)
weights = amounts / totals[index]
x = torch.randn(len(segments), 3)
cases = []
for power in (-0.7, 0.3, 1.0, 2.5):
    gate = torch.nn.Linear(3, 1)
    module = WeightedAttentionPooling(gate_nn=gate, message_nn=torch.nn.Identity())
    with torch.no_grad():
        module.pow.fill_(power)
        out = module(x, index, weights)
    cases.append({"power": power, "gate_weight": gate.weight.detach().reshape(-1).tolist(),
                  "gate_bias": gate.bias.item(), "pooled": out.reshape(-1).tolist()})
json.dump({"source": f"aviary-models {importlib.metadata.version('aviary-models')}, torch {torch.__version__}",
           "segments": segments, "weights": weights.reshape(-1).tolist(), "x": x.reshape(-1).tolist(), "cases": cases},
          __import__("sys").stdout, indent=1)
print()
