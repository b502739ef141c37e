"""Writes tensors as PyTorch and NumPy users do, for the studio to read as run arguments.

Usage: python3 save_tensors.py DIR
DIR/x.pt: torch.save of a float32 [3, 4] tensor; DIR/y.npy: numpy.save of a float64 [3, 4] array;
DIR/pair.pt: torch.save of a tuple of two tensors (not one tensor).
"""
import sys

import numpy
import torch

out = sys.argv[1]
x = torch.arange(12, dtype=torch.float32).reshape(3, 4) * 0.5
torch.save(x, out + "/x.pt")
numpy.save(out + "/y.npy", numpy.linspace(-1.0, 1.0, 12).reshape(3, 4))
torch.save((x, x), out + "/pair.pt")
