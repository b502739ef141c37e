def _round_half_away(v: Tensor) -> Tensor:
  r = torch.round(v)
  t = torch.trunc(v)
  half = torch.eq(torch.abs(torch.sub(v, t)), 0.5)
  return torch.where(half, torch.add(t, torch.sign(v)), r)
def _bilinear_sample(flat: Tensor, base: Tensor, y: Tensor, x: Tensor, sample_ok: Tensor, height: int, width: int) -> Tensor:
  # flat: [M, C]; base: [K, 1, 1] row offset of each roi's image; y: [K, PH], x: [K, PW];
  # sample_ok: [K, PH, PW]. Returns [K, PH, PW, C]: ROIAlign's bilinear value of each sample, 0 outside.
  y_in = torch.__and__(torch.ge(y, -1.), torch.le(y, float(height)))
  x_in = torch.__and__(torch.ge(x, -1.), torch.le(x, float(width)))
  y = torch.clamp(y, 0.)
  x = torch.clamp(x, 0.)
  y_low = torch.to(torch.trunc(y), 4)
  x_low = torch.to(torch.trunc(x), 4)
  y_last = torch.ge(y_low, height - 1)
  x_last = torch.ge(x_low, width - 1)
  y_low = torch.masked_fill(y_low, y_last, height - 1)
  x_low = torch.masked_fill(x_low, x_last, width - 1)
  y = torch.where(y_last, torch.to(y_low, y.dtype), y)
  x = torch.where(x_last, torch.to(x_low, x.dtype), x)
  y_high = torch.where(y_last, y_low, torch.add(y_low, 1))
  x_high = torch.where(x_last, x_low, torch.add(x_low, 1))
  ly = torch.sub(y, y_low)
  lx = torch.sub(x, x_low)
  hy = torch.rsub(ly, 1.)
  hx = torch.rsub(lx, 1.)
  ok = torch.__and__(torch.__and__(torch.unsqueeze(y_in, 2), torch.unsqueeze(x_in, 1)), sample_ok)
  zero = torch.zeros_like(ok, dtype=y.dtype)
  w1 = torch.where(ok, torch.mul(torch.unsqueeze(hy, 2), torch.unsqueeze(hx, 1)), zero)
  w2 = torch.where(ok, torch.mul(torch.unsqueeze(hy, 2), torch.unsqueeze(lx, 1)), zero)
  w3 = torch.where(ok, torch.mul(torch.unsqueeze(ly, 2), torch.unsqueeze(hx, 1)), zero)
  w4 = torch.where(ok, torch.mul(torch.unsqueeze(ly, 2), torch.unsqueeze(lx, 1)), zero)
  # a sample outside the map reads element 0 with weight 0, as the C++ kernel does
  yl = torch.unsqueeze(torch.mul(y_low, width), 2)
  yh = torch.unsqueeze(torch.mul(y_high, width), 2)
  xl = torch.unsqueeze(x_low, 1)
  xh = torch.unsqueeze(x_high, 1)
  p1 = torch.add(base, torch.masked_fill(torch.add(yl, xl), torch.logical_not(ok), 0))
  p2 = torch.add(base, torch.masked_fill(torch.add(yl, xh), torch.logical_not(ok), 0))
  p3 = torch.add(base, torch.masked_fill(torch.add(yh, xl), torch.logical_not(ok), 0))
  p4 = torch.add(base, torch.masked_fill(torch.add(yh, xh), torch.logical_not(ok), 0))
  shape = [torch.size(ok, 0), torch.size(ok, 1), torch.size(ok, 2), torch.size(flat, 1)]
  v1 = torch.view(torch.index_select(flat, 0, torch.flatten(p1)), shape)
  v2 = torch.view(torch.index_select(flat, 0, torch.flatten(p2)), shape)
  v3 = torch.view(torch.index_select(flat, 0, torch.flatten(p3)), shape)
  v4 = torch.view(torch.index_select(flat, 0, torch.flatten(p4)), shape)
  s = torch.mul(torch.unsqueeze(w1, 3), v1)
  s = torch.add(s, torch.mul(torch.unsqueeze(w2, 3), v2))
  s = torch.add(s, torch.mul(torch.unsqueeze(w3, 3), v3))
  return torch.add(s, torch.mul(torch.unsqueeze(w4, 3), v4))
def _grid(extent: Tensor, pooled: int, sampling_ratio: int) -> Tensor:
  if sampling_ratio > 0:
    return torch.full_like(extent, sampling_ratio, dtype=4)
  return torch.to(torch.ceil(torch.div(extent, pooled)), 4)
def _align(flat: Tensor, base: Tensor, start_h: Tensor, start_w: Tensor, bin_h: Tensor, bin_w: Tensor, grid_h: Tensor, grid_w: Tensor, pooled_height: int, pooled_width: int, height: int, width: int) -> Tensor:
  # sums every bin's grid of bilinear samples: [K, PH, PW, C]
  k = torch.size(start_h, 0)
  ph = torch.arange(pooled_height, dtype=start_h.dtype, device=start_h.device)
  pw = torch.arange(pooled_width, dtype=start_w.dtype, device=start_w.device)
  row0 = torch.add(torch.unsqueeze(start_h, 1), torch.mul(torch.unsqueeze(ph, 0), torch.unsqueeze(bin_h, 1)))
  col0 = torch.add(torch.unsqueeze(start_w, 1), torch.mul(torch.unsqueeze(pw, 0), torch.unsqueeze(bin_w, 1)))
  gh = torch.unsqueeze(torch.to(grid_h, start_h.dtype), 1)
  gw = torch.unsqueeze(torch.to(grid_w, start_w.dtype), 1)
  acc = torch.zeros([k, pooled_height, pooled_width, torch.size(flat, 1)], dtype=flat.dtype, device=flat.device)
  max_h = 0
  max_w = 0
  if k > 0:
    max_h = int(torch.max(grid_h))
    max_w = int(torch.max(grid_w))
  for iy in range(max_h):
    y = torch.add(row0, torch.div(torch.mul(torch.unsqueeze(bin_h, 1), iy + 0.5), gh))
    y_ok = torch.expand(torch.unsqueeze(torch.gt(grid_h, iy), 1), [k, pooled_height])
    for ix in range(max_w):
      x = torch.add(col0, torch.div(torch.mul(torch.unsqueeze(bin_w, 1), ix + 0.5), gw))
      x_ok = torch.expand(torch.unsqueeze(torch.gt(grid_w, ix), 1), [k, pooled_width])
      ok = torch.__and__(torch.unsqueeze(y_ok, 2), torch.unsqueeze(x_ok, 1))
      acc = torch.add(acc, __torch__.tsstudio.torchvision_ops._bilinear_sample(flat, base, y, x, ok, height, width))
  return acc
def nms(dets: Tensor, scores: Tensor, iou_threshold: float) -> Tensor:
  if torch.eq(torch.numel(dets), 0):
    return torch.empty([0], dtype=4, device=dets.device)
  _0, order = torch.sort(scores, stable=True, dim=0, descending=True)
  boxes = torch.index_select(dets, 0, order)
  x1 = torch.select(boxes, 1, 0)
  y1 = torch.select(boxes, 1, 1)
  x2 = torch.select(boxes, 1, 2)
  y2 = torch.select(boxes, 1, 3)
  areas = torch.mul(torch.sub(x2, x1), torch.sub(y2, y1))
  n = torch.size(boxes, 0)
  suppressed = torch.zeros([n], dtype=11, device=dets.device)
  keep = torch.zeros([n], dtype=11, device=dets.device)
  for i in range(n):
    if not bool(suppressed[i]):
      keep[i] = True
      w = torch.clamp(torch.sub(torch.minimum(x2[i], x2), torch.maximum(x1[i], x1)), 0.)
      h = torch.clamp(torch.sub(torch.minimum(y2[i], y2), torch.maximum(y1[i], y1)), 0.)
      inter = torch.mul(w, h)
      iou = torch.div(inter, torch.sub(torch.add(areas[i], areas), inter))
      suppressed = torch.__or__(suppressed, torch.gt(iou, iou_threshold))
  return torch.masked_select(order, keep)
def roi_align(input: Tensor, rois: Tensor, spatial_scale: float, pooled_height: int, pooled_width: int, sampling_ratio: int, aligned: bool) -> Tensor:
  # Sample positions and validity exactly as torchvision's kernel; the bilinear reads go through grid_sampler
  # (border padding clamps [-1, 0] to 0 and [H - 1, H] to H - 1 as the kernel does; farther samples are masked out).
  n, c, height, width = torch.size(input)
  k = torch.size(rois, 0)
  offset = 0.
  if aligned:
    offset = 0.5
  start_w = torch.sub(torch.mul(torch.select(rois, 1, 1), spatial_scale), offset)
  start_h = torch.sub(torch.mul(torch.select(rois, 1, 2), spatial_scale), offset)
  end_w = torch.sub(torch.mul(torch.select(rois, 1, 3), spatial_scale), offset)
  end_h = torch.sub(torch.mul(torch.select(rois, 1, 4), spatial_scale), offset)
  roi_w = torch.sub(end_w, start_w)
  roi_h = torch.sub(end_h, start_h)
  if not aligned:
    roi_w = torch.clamp(roi_w, 1.)
    roi_h = torch.clamp(roi_h, 1.)
  bin_h = torch.div(roi_h, pooled_height)
  bin_w = torch.div(roi_w, pooled_width)
  grid_h = __torch__.tsstudio.torchvision_ops._grid(roi_h, pooled_height, sampling_ratio)
  grid_w = __torch__.tsstudio.torchvision_ops._grid(roi_w, pooled_width, sampling_ratio)
  out = torch.zeros([k, c, pooled_height, pooled_width], dtype=input.dtype, device=input.device)
  if k == 0:
    return out
  max_h = int(torch.max(grid_h))
  max_w = int(torch.max(grid_w))
  if max_h <= 0 or max_w <= 0:
    return out
  count = torch.to(torch.clamp(torch.mul(grid_h, grid_w), 1), input.dtype)
  ph = torch.arange(pooled_height, dtype=input.dtype, device=input.device)
  pw = torch.arange(pooled_width, dtype=input.dtype, device=input.device)
  iy = torch.arange(max_h, dtype=input.dtype, device=input.device)
  ix = torch.arange(max_w, dtype=input.dtype, device=input.device)
  bh = torch.view(bin_h, [k, 1, 1])
  bw = torch.view(bin_w, [k, 1, 1])
  row0 = torch.add(torch.view(start_h, [k, 1, 1]), torch.mul(torch.view(ph, [1, pooled_height, 1]), bh))
  col0 = torch.add(torch.view(start_w, [k, 1, 1]), torch.mul(torch.view(pw, [1, pooled_width, 1]), bw))
  y = torch.add(row0, torch.div(torch.mul(torch.view(torch.add(iy, 0.5), [1, 1, max_h]), bh), torch.view(torch.to(grid_h, input.dtype), [k, 1, 1])))
  x = torch.add(col0, torch.div(torch.mul(torch.view(torch.add(ix, 0.5), [1, 1, max_w]), bw), torch.view(torch.to(grid_w, input.dtype), [k, 1, 1])))
  y_ok = torch.__and__(torch.__and__(torch.ge(y, -1.), torch.le(y, float(height))), torch.view(torch.lt(torch.view(torch.arange(max_h, device=input.device), [1, max_h]), torch.view(grid_h, [k, 1])), [k, 1, max_h]))
  x_ok = torch.__and__(torch.__and__(torch.ge(x, -1.), torch.le(x, float(width))), torch.view(torch.lt(torch.view(torch.arange(max_w, device=input.device), [1, max_w]), torch.view(grid_w, [k, 1])), [k, 1, max_w]))
  # Each output bin is a weighted sum of input pixels: one sparse [K*PH*PW, N*H*W] matrix times the input as
  # [N*H*W, C] does every bin, sample and channel at once (the kernel's weights, summed in another order).
  ok = torch.__and__(torch.view(y_ok, [k, pooled_height, max_h, 1, 1]), torch.view(x_ok, [k, 1, 1, pooled_width, max_w]))
  y = torch.clamp(y, 0.)
  x = torch.clamp(x, 0.)
  y_low = torch.to(torch.trunc(y), 4)
  x_low = torch.to(torch.trunc(x), 4)
  y_last = torch.ge(y_low, height - 1)
  x_last = torch.ge(x_low, width - 1)
  y_low = torch.masked_fill(y_low, y_last, height - 1)
  x_low = torch.masked_fill(x_low, x_last, width - 1)
  y = torch.where(y_last, torch.to(y_low, y.dtype), y)
  x = torch.where(x_last, torch.to(x_low, x.dtype), x)
  y_high = torch.where(y_last, y_low, torch.add(y_low, 1))
  x_high = torch.where(x_last, x_low, torch.add(x_low, 1))
  ly = torch.view(torch.sub(y, y_low), [k, pooled_height, max_h, 1, 1])
  lx = torch.view(torch.sub(x, x_low), [k, 1, 1, pooled_width, max_w])
  hy = torch.rsub(ly, 1.)
  hx = torch.rsub(lx, 1.)
  scale = torch.view(torch.reciprocal(count), [k, 1, 1, 1, 1])
  zero = torch.zeros_like(ok, dtype=input.dtype)
  base = torch.view(torch.mul(torch.to(torch.select(rois, 1, 0), 4), height * width), [k, 1, 1, 1, 1])
  yl = torch.view(torch.mul(y_low, width), [k, pooled_height, max_h, 1, 1])
  yh = torch.view(torch.mul(y_high, width), [k, pooled_height, max_h, 1, 1])
  xl = torch.view(x_low, [k, 1, 1, pooled_width, max_w])
  xh = torch.view(x_high, [k, 1, 1, pooled_width, max_w])
  shape = [k, pooled_height, max_h, pooled_width, max_w]
  row = torch.add(torch.mul(torch.add(torch.mul(torch.view(torch.arange(k, device=input.device), [k, 1, 1, 1, 1]), pooled_height), torch.view(torch.arange(pooled_height, device=input.device), [1, pooled_height, 1, 1, 1])), pooled_width), torch.view(torch.arange(pooled_width, device=input.device), [1, 1, 1, pooled_width, 1]))
  row = torch.flatten(torch.expand(row, shape))
  rows = torch.cat([row, row, row, row])
  cols = torch.cat([torch.flatten(torch.expand(torch.add(base, torch.add(yl, xl)), shape)), torch.flatten(torch.expand(torch.add(base, torch.add(yl, xh)), shape)), torch.flatten(torch.expand(torch.add(base, torch.add(yh, xl)), shape)), torch.flatten(torch.expand(torch.add(base, torch.add(yh, xh)), shape))])
  vals = torch.cat([torch.flatten(torch.where(ok, torch.mul(torch.mul(hy, hx), scale), zero)), torch.flatten(torch.where(ok, torch.mul(torch.mul(hy, lx), scale), zero)), torch.flatten(torch.where(ok, torch.mul(torch.mul(ly, hx), scale), zero)), torch.flatten(torch.where(ok, torch.mul(torch.mul(ly, lx), scale), zero))])
  weights = torch.sparse_coo_tensor(torch.stack([rows, cols]), vals, [k * pooled_height * pooled_width, n * height * width])
  flat = torch.reshape(torch.permute(input, [0, 2, 3, 1]), [n * height * width, c])
  out = torch.mm(weights, flat)
  return torch.contiguous(torch.permute(torch.view(out, [k, pooled_height, pooled_width, c]), [0, 3, 1, 2]))
def ps_roi_align(input: Tensor, rois: Tensor, spatial_scale: float, pooled_height: int, pooled_width: int, sampling_ratio: int) -> Tuple[Tensor, Tensor]:
  n, c, height, width = torch.size(input)
  k = torch.size(rois, 0)
  bins = pooled_height * pooled_width
  if c % bins != 0:
    ops.prim.RaiseException("input channels must be a multiple of pooling height * pooling width", "builtins.RuntimeError")
  c_out = c // bins
  start_w = torch.sub(torch.mul(torch.select(rois, 1, 1), spatial_scale), 0.5)
  start_h = torch.sub(torch.mul(torch.select(rois, 1, 2), spatial_scale), 0.5)
  end_w = torch.sub(torch.mul(torch.select(rois, 1, 3), spatial_scale), 0.5)
  end_h = torch.sub(torch.mul(torch.select(rois, 1, 4), spatial_scale), 0.5)
  roi_w = torch.sub(end_w, start_w)
  roi_h = torch.sub(end_h, start_h)
  bin_h = torch.div(roi_h, pooled_height)
  bin_w = torch.div(roi_w, pooled_width)
  grid_h = __torch__.tsstudio.torchvision_ops._grid(roi_h, pooled_height, sampling_ratio)
  grid_w = __torch__.tsstudio.torchvision_ops._grid(roi_w, pooled_width, sampling_ratio)
  count = torch.to(torch.mul(grid_h, grid_w), input.dtype)
  # output bin (ph, pw) of channel c_out reads input channel (c_out * PH + ph) * PW + pw: one row block per bin
  per_bin = torch.permute(torch.reshape(input, [n, c_out, bins, height * width]), [0, 2, 3, 1])
  flat = torch.reshape(per_bin, [n * bins * height * width, c_out])
  batch = torch.to(torch.select(rois, 1, 0), 4)
  bin_index = torch.view(torch.arange(bins, dtype=4, device=input.device), [1, pooled_height, pooled_width])
  base = torch.mul(torch.add(torch.view(torch.mul(batch, bins), [k, 1, 1]), bin_index), height * width)
  acc = __torch__.tsstudio.torchvision_ops._align(flat, base, start_h, start_w, bin_h, bin_w, grid_h, grid_w, pooled_height, pooled_width, height, width)
  out = torch.div(acc, torch.view(count, [k, 1, 1, 1]))
  mapping = torch.add(torch.view(torch.mul(torch.arange(c_out, dtype=3, device=input.device), bins), [1, c_out, 1, 1]), torch.view(torch.to(bin_index, 3), [1, 1, pooled_height, pooled_width]))
  return (torch.contiguous(torch.permute(out, [0, 3, 1, 2])), torch.contiguous(torch.expand(mapping, [k, c_out, pooled_height, pooled_width])))
def _pool_bins(rois: Tensor, spatial_scale: float, pooled: int, column: int, plus_one: int, limit: int) -> Tuple[Tensor, Tensor]:
  # integer bin edges of one axis, [K, pooled] each, before clipping (ROIPool / PSROIPool)
  start = torch.to(__torch__.tsstudio.torchvision_ops._round_half_away(torch.mul(torch.select(rois, 1, column), spatial_scale)), 4)
  end = torch.to(__torch__.tsstudio.torchvision_ops._round_half_away(torch.mul(torch.select(rois, 1, column + 2), spatial_scale)), 4)
  extent = torch.clamp(torch.add(torch.sub(end, start), plus_one), 1)
  size = torch.div(torch.to(extent, rois.dtype), pooled)
  p = torch.arange(pooled, dtype=rois.dtype, device=rois.device)
  lo = torch.to(torch.floor(torch.mul(torch.unsqueeze(p, 0), torch.unsqueeze(size, 1))), 4)
  hi = torch.to(torch.ceil(torch.mul(torch.unsqueeze(torch.add(p, 1), 0), torch.unsqueeze(size, 1))), 4)
  lo = torch.clamp(torch.add(lo, torch.unsqueeze(start, 1)), 0, limit)
  hi = torch.clamp(torch.add(hi, torch.unsqueeze(start, 1)), 0, limit)
  return (lo, hi)
def roi_pool(input: Tensor, rois: Tensor, spatial_scale: float, pooled_height: int, pooled_width: int) -> Tuple[Tensor, Tensor]:
  n, c, height, width = torch.size(input)
  k = torch.size(rois, 0)
  h0, h1 = __torch__.tsstudio.torchvision_ops._pool_bins(rois, spatial_scale, pooled_height, 2, 1, height)
  w0, w1 = __torch__.tsstudio.torchvision_ops._pool_bins(rois, spatial_scale, pooled_width, 1, 1, width)
  empty = torch.__or__(torch.unsqueeze(torch.le(h1, h0), 2), torch.unsqueeze(torch.le(w1, w0), 1))
  flat = torch.reshape(torch.permute(input, [0, 2, 3, 1]), [n * height * width, c])
  base = torch.view(torch.mul(torch.to(torch.select(rois, 1, 0), 4), height * width), [k, 1, 1])
  best = torch.zeros([k, pooled_height, pooled_width, c], dtype=input.dtype, device=input.device)
  best = torch.masked_fill(best, torch.unsqueeze(torch.logical_not(empty), 3), -3.4028234663852886e+38)
  arg = torch.full([k, pooled_height, pooled_width, c], -1, dtype=4, device=input.device)
  span_h = 0
  span_w = 0
  if k > 0:
    span_h = int(torch.max(torch.sub(h1, h0)))
    span_w = int(torch.max(torch.sub(w1, w0)))
  for dh in range(span_h):
    hh = torch.add(h0, dh)
    h_ok = torch.lt(hh, h1)
    for dw in range(span_w):
      ww = torch.add(w0, dw)
      ok = torch.__and__(torch.unsqueeze(h_ok, 2), torch.unsqueeze(torch.lt(ww, w1), 1))
      idx = torch.masked_fill(torch.add(torch.unsqueeze(torch.mul(hh, width), 2), torch.unsqueeze(ww, 1)), torch.logical_not(ok), 0)
      v = torch.view(torch.index_select(flat, 0, torch.flatten(torch.add(base, idx))), [k, pooled_height, pooled_width, c])
      better = torch.__and__(torch.unsqueeze(ok, 3), torch.gt(v, best))
      best = torch.where(better, v, best)
      arg = torch.where(better, torch.unsqueeze(idx, 3), arg)
  return (torch.contiguous(torch.permute(best, [0, 3, 1, 2])), torch.contiguous(torch.permute(torch.to(arg, 3), [0, 3, 1, 2])))
def ps_roi_pool(input: Tensor, rois: Tensor, spatial_scale: float, pooled_height: int, pooled_width: int) -> Tuple[Tensor, Tensor]:
  n, c, height, width = torch.size(input)
  k = torch.size(rois, 0)
  bins = pooled_height * pooled_width
  if c % bins != 0:
    ops.prim.RaiseException("input channels must be a multiple of pooling height * pooling width", "builtins.RuntimeError")
  c_out = c // bins
  h0, h1 = __torch__.tsstudio.torchvision_ops._pool_bins(rois, spatial_scale, pooled_height, 2, 0, height - 1)
  w0, w1 = __torch__.tsstudio.torchvision_ops._pool_bins(rois, spatial_scale, pooled_width, 1, 0, width - 1)
  empty = torch.__or__(torch.unsqueeze(torch.le(h1, h0), 2), torch.unsqueeze(torch.le(w1, w0), 1))
  per_bin = torch.permute(torch.reshape(input, [n, c_out, bins, height * width]), [0, 2, 3, 1])
  flat = torch.reshape(per_bin, [n * bins * height * width, c_out])
  batch = torch.to(torch.select(rois, 1, 0), 4)
  bin_index = torch.view(torch.arange(bins, dtype=4, device=input.device), [1, pooled_height, pooled_width])
  base = torch.mul(torch.add(torch.view(torch.mul(batch, bins), [k, 1, 1]), bin_index), height * width)
  total = torch.zeros([k, pooled_height, pooled_width, c_out], dtype=input.dtype, device=input.device)
  span_h = 0
  span_w = 0
  if k > 0:
    span_h = int(torch.max(torch.sub(h1, h0)))
    span_w = int(torch.max(torch.sub(w1, w0)))
  for dh in range(span_h):
    hh = torch.add(h0, dh)
    h_ok = torch.lt(hh, h1)
    for dw in range(span_w):
      ww = torch.add(w0, dw)
      ok = torch.__and__(torch.unsqueeze(h_ok, 2), torch.unsqueeze(torch.lt(ww, w1), 1))
      idx = torch.masked_fill(torch.add(torch.unsqueeze(torch.mul(hh, width), 2), torch.unsqueeze(ww, 1)), torch.logical_not(ok), 0)
      v = torch.view(torch.index_select(flat, 0, torch.flatten(torch.add(base, idx))), [k, pooled_height, pooled_width, c_out])
      total = torch.add(total, torch.masked_fill(v, torch.unsqueeze(torch.logical_not(ok), 3), 0.))
  area = torch.to(torch.mul(torch.unsqueeze(torch.sub(h1, h0), 2), torch.unsqueeze(torch.sub(w1, w0), 1)), input.dtype)
  out = torch.masked_fill(torch.div(total, torch.unsqueeze(area, 3)), torch.unsqueeze(empty, 3), 0.)
  mapping = torch.add(torch.view(torch.mul(torch.arange(c_out, dtype=3, device=input.device), bins), [1, c_out, 1, 1]), torch.view(torch.to(bin_index, 3), [1, 1, pooled_height, pooled_width]))
  return (torch.contiguous(torch.permute(out, [0, 3, 1, 2])), torch.contiguous(torch.expand(mapping, [k, c_out, pooled_height, pooled_width])))
def deform_conv2d(input: Tensor, weight: Tensor, offset: Tensor, mask: Tensor, bias: Tensor, stride_h: int, stride_w: int, pad_h: int, pad_w: int, dilation_h: int, dilation_w: int, n_weight_grps: int, n_offset_grps: int, use_mask: bool) -> Tensor:
  b, c, height, width = torch.size(input)
  out_channels, c_per_weight_grp, kernel_h, kernel_w = torch.size(weight)
  out_h = (height + 2 * pad_h - (dilation_h * (kernel_h - 1) + 1)) // stride_h + 1
  out_w = (width + 2 * pad_w - (dilation_w * (kernel_w - 1) + 1)) // stride_w + 1
  kk = kernel_h * kernel_w
  taps = torch.arange(kk, dtype=4, device=input.device)
  # sampling position = integer grid position (stride, padding, dilation) + learned offset, per kernel tap
  grid_y = torch.add(torch.view(torch.sub(torch.mul(torch.arange(out_h, dtype=4, device=input.device), stride_h), pad_h), [1, out_h, 1]), torch.view(torch.mul(torch.floor_divide(taps, kernel_w), dilation_h), [kk, 1, 1]))
  grid_x = torch.add(torch.view(torch.sub(torch.mul(torch.arange(out_w, dtype=4, device=input.device), stride_w), pad_w), [1, 1, out_w]), torch.view(torch.mul(torch.remainder(taps, kernel_w), dilation_w), [kk, 1, 1]))
  off = torch.view(offset, [b, n_offset_grps, kk, 2, out_h, out_w])
  y = torch.add(torch.to(grid_y, input.dtype), torch.select(off, 3, 0))
  x = torch.add(torch.to(grid_x, input.dtype), torch.select(off, 3, 1))
  inside = torch.logical_not(torch.__or__(torch.__or__(torch.le(y, -1.), torch.ge(y, float(height))), torch.__or__(torch.le(x, -1.), torch.ge(x, float(width)))))
  y = torch.masked_fill(y, torch.logical_not(inside), 0.)
  x = torch.masked_fill(x, torch.logical_not(inside), 0.)
  y_low = torch.to(torch.floor(y), 4)
  x_low = torch.to(torch.floor(x), 4)
  y_high = torch.add(y_low, 1)
  x_high = torch.add(x_low, 1)
  ly = torch.sub(y, y_low)
  lx = torch.sub(x, x_low)
  hy = torch.rsub(ly, 1.)
  hx = torch.rsub(lx, 1.)
  c_per_offset_grp = c // n_offset_grps
  grouped = torch.reshape(input, [b, n_offset_grps, c_per_offset_grp, height * width])
  samples = kk * out_h * out_w
  yl_ok = torch.ge(y_low, 0)
  xl_ok = torch.ge(x_low, 0)
  yh_ok = torch.le(y_high, height - 1)
  xh_ok = torch.le(x_high, width - 1)
  corners = [(y_low, x_low, torch.__and__(yl_ok, xl_ok), torch.mul(hy, hx)), (y_low, x_high, torch.__and__(yl_ok, xh_ok), torch.mul(hy, lx)), (y_high, x_low, torch.__and__(yh_ok, xl_ok), torch.mul(ly, hx)), (y_high, x_high, torch.__and__(yh_ok, xh_ok), torch.mul(ly, lx))]
  val = torch.zeros([b, n_offset_grps, c_per_offset_grp, samples], dtype=input.dtype, device=input.device)
  for corner in corners:
    cy, cx, cok, cw = corner
    idx = torch.masked_fill(torch.add(torch.mul(cy, width), cx), torch.logical_not(cok), 0)
    idx = torch.expand(torch.view(idx, [b, n_offset_grps, 1, samples]), [b, n_offset_grps, c_per_offset_grp, samples])
    v = torch.masked_fill(torch.gather(grouped, 3, idx), torch.view(torch.logical_not(cok), [b, n_offset_grps, 1, samples]), 0.)
    val = torch.add(val, torch.mul(torch.view(cw, [b, n_offset_grps, 1, samples]), v))
  val = torch.masked_fill(val, torch.view(torch.logical_not(inside), [b, n_offset_grps, 1, samples]), 0.)
  if use_mask:
    val = torch.mul(torch.view(mask, [b, n_offset_grps, 1, samples]), val)
  columns = torch.reshape(val, [b, n_weight_grps, (c // n_weight_grps) * kk, out_h * out_w])
  w = torch.reshape(weight, [1, n_weight_grps, out_channels // n_weight_grps, c_per_weight_grp * kk])
  out = torch.reshape(torch.matmul(w, columns), [b, out_channels, out_h, out_w])
  return torch.add(out, torch.view(bias, [1, out_channels, 1, 1]))
