#!/usr/bin/env python3
"""Writes Tests/LearningTests/Fixtures/reference.safetensors with Python's `safetensors`.

The Swift loader must read it exactly (LearningTests/SafeTensorsTests). Requires
`pip install safetensors numpy`. Run from the repository root:
    python3 scripts/make-safetensors-fixture.py
"""
import numpy as np
from safetensors.numpy import save_file

tensors = {
    "layer.weight": (np.arange(6, dtype=np.float32).reshape(2, 3) * 0.5 - 1.25),
    "layer.bias": np.array([1.5, -2.25, 3.0e-8, 6.5e7], dtype=np.float32),
    "scalar": np.array(np.pi, dtype=np.float32),
    "cube": np.array([[[0.1, -0.2]], [[1e-3, 42.0]]], dtype=np.float32),
    "empty": np.zeros((0, 3), dtype=np.float32),
}
save_file(tensors, "Tests/LearningTests/Fixtures/reference.safetensors",
          metadata={"format": "pt", "note": "curate fixture"})
# Without metadata the header has a single possible key order, so the Swift encoder must
# reproduce this file byte for byte.
save_file(tensors, "Tests/LearningTests/Fixtures/reference-no-metadata.safetensors")
