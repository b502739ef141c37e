#!/usr/bin/python3
"""Randomised check of the studio's built-in torchvision operators against torchvision's own kernels.

Scripts a module that calls torchvision.ops, rewrites its archive the way the engine does on load (calls of
ops.torchvision.X redirected to __torch__.tsstudio.torchvision_ops.X, whose code is added), loads that in PyTorch and
compares it with torchvision on random inputs: adaptive and fixed sampling, aligned or not, boxes partly outside the
map, half-pixel box corners (roi_pool rounding), empty bins, score ties (nms order), deform_conv2d with groups, masks,
stride and dilation. Needs python3-torch and python3-torchvision. Usage: check_torchvision_ops.py [TRIALS]"""
import io, os, re, sys, zipfile
import torch, torchvision
from torchvision import ops
from typing import List, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
IMPL = os.path.join(HERE, "../../main/resources/io/tsstudio/engine/ops/torchvision_ops.py")
TRIALS = int(sys.argv[1]) if len(sys.argv) > 1 else 200

class M(torch.nn.Module):
    def forward(self, b: torch.Tensor, s: torch.Tensor, t: float) -> torch.Tensor:
        return torch.ops.torchvision.nms(b, s, t)
    @torch.jit.export
    def align(self, x: torch.Tensor, r: torch.Tensor, scale: float, ph: int, pw: int, sr: int, aligned: bool) -> torch.Tensor:
        return torch.ops.torchvision.roi_align(x, r, scale, ph, pw, sr, aligned)
    @torch.jit.export
    def pool(self, x: torch.Tensor, r: torch.Tensor, scale: float, ph: int, pw: int) -> Tuple[torch.Tensor, torch.Tensor]:
        return torch.ops.torchvision.roi_pool(x, r, scale, ph, pw)
    @torch.jit.export
    def ps_align(self, x: torch.Tensor, r: torch.Tensor, scale: float, ph: int, pw: int, sr: int) -> Tuple[torch.Tensor, torch.Tensor]:
        return torch.ops.torchvision.ps_roi_align(x, r, scale, ph, pw, sr)
    @torch.jit.export
    def ps_pool(self, x: torch.Tensor, r: torch.Tensor, scale: float, ph: int, pw: int) -> Tuple[torch.Tensor, torch.Tensor]:
        return torch.ops.torchvision.ps_roi_pool(x, r, scale, ph, pw)
    @torch.jit.export
    def deform(self, x: torch.Tensor, w: torch.Tensor, off: torch.Tensor, mask: torch.Tensor, bias: torch.Tensor,
               sh: int, sw: int, ph: int, pw: int, dh: int, dw: int, g: int, og: int, use_mask: bool) -> torch.Tensor:
        return torch.ops.torchvision.deform_conv2d(x, w, off, mask, bias, sh, sw, ph, pw, dh, dw, g, og, use_mask)

def with_builtins(m):
    buf = io.BytesIO(); torch.jit.save(m, buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue())); out = io.BytesIO()
    root = src.namelist()[0].split("/")[0] + "/"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        for n in src.namelist():
            data = src.read(n)
            if n.endswith(".py") and "/code/" in "/" + n:
                text = re.sub(r"(?<![\w.])ops\.torchvision\.(\w+)", r"__torch__.tsstudio.torchvision_ops.\1", data.decode())
                if text != data.decode():
                    data = text.encode(); skip = n + ".debug_pkl"
            if n.endswith(".debug_pkl"): continue
            z.writestr(n, data)
        z.writestr(root + "code/__torch__/tsstudio/torchvision_ops.py", open(IMPL).read())
    out.seek(0); return torch.jit.load(out)

def rois(k, n, hw):
    xy = torch.rand(k, 2) * (hw * 1.3) - hw * 0.2; wh = torch.rand(k, 2) * hw * 0.8
    r = torch.cat([torch.randint(0, n, (k, 1)).float(), xy, xy + wh], 1)
    half = torch.rand(k, 4) < 0.3  # exact halves after scaling: round() ties
    r[:, 1:][half] = (torch.randint(0, 2 * hw, (int(half.sum()),)).float() + 0.5) * 2
    # corners in order: torchvision's adaptive sampling cannot size a negative box
    lo, hi = torch.minimum(r[:, 1:3], r[:, 3:5]), torch.maximum(r[:, 1:3], r[:, 3:5])
    return torch.cat([r[:, :1], lo, hi], 1)

def close(name, a, b, tol=1e-4):
    if a.shape != b.shape or a.dtype != b.dtype:
        raise SystemExit(f"{name}: shape/dtype {a.shape} {a.dtype} vs {b.shape} {b.dtype}")
    if a.is_floating_point():
        err = (a - b).abs().max().item() if a.numel() else 0.0
        if not err <= tol * (1 + b.abs().max().item() if b.numel() else 1):
            raise SystemExit(f"{name}: max error {err}")
    elif not torch.equal(a, b):
        raise SystemExit(f"{name}: {a.tolist()} vs {b.tolist()}")

torch.manual_seed(1)
m = with_builtins(torch.jit.script(M()))
tv = torch.ops.torchvision
for t in range(TRIALS):
    n = int(torch.randint(1, 3, ())); c = 4 * int(torch.randint(1, 3, ())); h = int(torch.randint(3, 12, ())); w = int(torch.randint(3, 12, ()))
    x = torch.randn(n, c, h, w); k = int(torch.randint(0, 6, ())); r = rois(k, n, max(h, w) * 2)
    scale = [1.0, 0.5, 0.25][t % 3]; ph, pw = int(torch.randint(1, 4, ())), int(torch.randint(1, 4, ()))
    sr = [-1, 0, 1, 2, 3][t % 5]; aligned = t % 2 == 0
    close(f"roi_align #{t}", m.align(x, r, scale, ph, pw, sr, aligned), tv.roi_align(x, r, scale, ph, pw, sr, aligned))
    a, b = m.pool(x, r, scale, ph, pw), tv.roi_pool(x, r, scale, ph, pw)
    close(f"roi_pool #{t}", a[0], b[0]); close(f"roi_pool argmax #{t}", a[1], b[1])
    xp = torch.randn(n, 2 * ph * pw, h, w)
    a, b = m.ps_align(xp, r, scale, ph, pw, sr), tv.ps_roi_align(xp, r, scale, ph, pw, sr)
    # a zero-sized box with adaptive sampling has no samples: 0/0 = NaN in both
    nan = torch.isnan(b[0])
    close(f"ps_roi_align NaNs #{t}", torch.isnan(a[0]), nan)
    close(f"ps_roi_align #{t}", a[0].masked_fill(nan, 0), b[0].masked_fill(nan, 0))
    close(f"ps_roi_align map #{t}", a[1], b[1])
    a, b = m.ps_pool(xp, r, scale, ph, pw), tv.ps_roi_pool(xp, r, scale, ph, pw)
    close(f"ps_roi_pool #{t}", a[0], b[0]); close(f"ps_roi_pool map #{t}", a[1], b[1])
    nb = int(torch.randint(0, 40, ())); xy = torch.rand(nb, 2) * 50; boxes = torch.cat([xy, xy + torch.rand(nb, 2) * 25], 1)
    scores = torch.randint(0, 8, (nb,)).float() / 8  # many ties
    thr = [0.2, 0.5, 0.7][t % 3]
    close(f"nms #{t}", m(boxes, scores, thr), tv.nms(boxes, scores, thr))
    g = [1, 2][t % 2]; og = [1, 2][(t // 2) % 2]; kh, kw = int(torch.randint(1, 4, ())), int(torch.randint(1, 4, ()))
    sh, sw, dh, dw = 1 + t % 2, 1 + (t // 3) % 2, 1 + (t // 5) % 2, 1 + (t // 7) % 2; pdh, pdw = t % 2, (t // 2) % 3
    ci = 4; oc = 2 * g; xi = torch.randn(n, ci, h, w); wt = torch.randn(oc, ci // g, kh, kw); bias = torch.randn(oc)
    oh = (h + 2 * pdh - (dh * (kh - 1) + 1)) // sh + 1; ow = (w + 2 * pdw - (dw * (kw - 1) + 1)) // sw + 1
    if oh <= 0 or ow <= 0: continue
    off = torch.randn(n, 2 * og * kh * kw, oh, ow) * 3; use_mask = t % 3 == 0
    mask = torch.rand(n, og * kh * kw, oh, ow) if use_mask else torch.zeros(n, 0)
    close(f"deform_conv2d #{t}", m.deform(xi, wt, off, mask, bias, sh, sw, pdh, pdw, dh, dw, g, og, use_mask),
          tv.deform_conv2d(xi, wt, off, mask, bias, sh, sw, pdh, pdw, dh, dw, g, og, use_mask), 1e-4)
print(f"torchvision {torchvision.__version__}: {TRIALS} random trials of 6 operators agree")
