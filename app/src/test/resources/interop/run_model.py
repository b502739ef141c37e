"""Loads a TorchScript file in PyTorch and calls its methods; the interop suite compares the results with the studio's.

Usage: python3 run_model.py CASE.json OUT.json

CASE: {"file": PATH, "loader": "jit" | "lite", "extra_files": [NAME, ...],
       "calls": [{"module": "" or a submodule's dotted path, "method": NAME, "train": false, "args": [ARG, ...]}, ...]}
ARG:  {"npy": PATH} (a tensor) | {"tuple": [ARG, ...]} | {"dict": [[KEY, ARG], ...]} | [ARG, ...] | a JSON scalar
OUT:  {"torch": VERSION, "version": the archive's version record, "extra_files": {NAME: TEXT},
       "results": [VALUE, ...]}, VALUE as ARG but tensors as {"tensor": {"shape", "dtype", "values" (flattened)}}
"""
import json
import sys
import zipfile

import numpy
import torch
from torch.jit.mobile import _load_for_lite_interpreter


def arg(a):
    if isinstance(a, dict) and "npy" in a:
        return torch.from_numpy(numpy.load(a["npy"]))
    if isinstance(a, dict) and "tuple" in a:
        return tuple(arg(x) for x in a["tuple"])
    if isinstance(a, dict) and "dict" in a:
        return {k: arg(v) for k, v in a["dict"]}
    if isinstance(a, list):
        return [arg(x) for x in a]
    return a


def value(v):
    if isinstance(v, torch.Tensor):
        t = v.detach().cpu()
        values = t.flatten().tolist() if t.dtype != torch.bfloat16 else t.float().flatten().tolist()
        return {"tensor": {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""), "values": values}}
    if isinstance(v, tuple):
        return {"tuple": [value(x) for x in v]}
    if isinstance(v, list):
        return [value(x) for x in v]
    if isinstance(v, dict):
        return {"dict": [[value(k), value(x)] for k, x in v.items()]}
    if isinstance(v, float) and v != v:
        return "NaN"
    return v


def archive_version(path):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith("/version") and name.count("/") == 1 or name.endswith("/.data/version"):
                return int(z.read(name).decode().strip())
    return None


def main():
    case = json.load(open(sys.argv[1]))
    torch.manual_seed(0)
    extra = {name: "" for name in case.get("extra_files", [])}
    if case.get("loader", "jit") == "lite":
        module = _load_for_lite_interpreter(case["file"])
    else:
        module = torch.jit.load(case["file"], _extra_files=extra)
    results = []
    for call in case["calls"]:
        if case.get("loader", "jit") == "jit":
            module.train(call.get("train", False))
        args = [arg(a) for a in call.get("args", [])]
        target = module
        for name in filter(None, call.get("module", "").split(".")):
            target = getattr(target, name)
        if case.get("loader", "jit") == "lite":
            method = lambda *a: target.run_method(call["method"], *a)
        else:
            method = target.forward if call["method"] == "forward" else getattr(target, call["method"])
        with torch.no_grad():
            results.append(value(method(*args)))
    out = {"torch": torch.__version__, "version": archive_version(case["file"]),
           "extra_files": {k: (v.decode() if isinstance(v, bytes) else v) for k, v in extra.items()},
           "results": results}
    json.dump(out, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
