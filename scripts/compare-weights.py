#!/usr/bin/env python3
"""Compares the tensors (names, dtypes, shapes, bytes) of the members of two model directories,
ignoring safetensors metadata (run ids). Exit 0 when every member's weights are identical."""
import json, struct, sys, os

def tensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    header.pop("__metadata__", None)
    return {k: (v["dtype"], v["shape"], data[v["data_offsets"][0]:v["data_offsets"][1]]) for k, v in header.items()}

def files(root):
    out = []
    for dirpath, _, names in os.walk(root):
        out += [os.path.relpath(os.path.join(dirpath, n), root) for n in names if n.endswith(".safetensors")]
    return sorted(out)

a, b = sys.argv[1], sys.argv[2]
fa, fb = files(a), files(b)
if fa != fb:
    print(f"different weight files: {fa} vs {fb}"); sys.exit(1)
bad = 0
for name in fa:
    ta, tb = tensors(os.path.join(a, name)), tensors(os.path.join(b, name))
    same = ta == tb
    bad += not same
    print(f"  {name}: {len(ta)} tensors, {sum(len(t[2]) for t in ta.values())} bytes: {'identical' if same else 'DIFFERENT'}")
sys.exit(1 if bad else 0)
