package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.Dispatcher;
import io.tsstudio.engine.internal.torch.NativeTensor;

import java.util.Arrays;
import java.util.List;

/**
 * An engine-owned tensor. Close it (or let its owner close it) to free native memory at once; closing twice is
 * harmless. Values cross into Java only through explicit copies ({@link #toFloatArray()} and friends). New tensors
 * come from {@link Tensors}; the layers' functions (convolution, activations, ...) are in
 * {@link io.tsstudio.engine.nn.Functional} and the initialisers in {@link io.tsstudio.engine.nn.Init}, as in PyTorch.
 */
public final class Tensor implements AutoCloseable {
    private final NativeTensor handle;

    static {
        EngineAccess.install();
    }

    private Tensor(NativeTensor handle) {
        this.handle = handle;
    }

    /** Wraps a native owner; engine-internal code reaches this through {@code internal.torch.Handles}. */
    static Tensor wrap(NativeTensor handle) {
        return new Tensor(handle);
    }

    NativeTensor handle() {
        return handle;
    }

    // ---- metadata ----

    public long[] shape() {
        return handle.shape();
    }

    public int dim() {
        return shape().length;
    }

    public long numel() {
        return handle.numel();
    }

    public DType dtype() {
        return handle.dtype();
    }

    public Device device() {
        return handle.device();
    }

    public boolean requiresGrad() {
        return handle.requiresGrad();
    }

    public boolean isClosed() {
        return handle.isClosed();
    }

    // ---- values out ----

    public float[] toFloatArray() {
        return handle.toFloats();
    }

    public double[] toDoubleArray() {
        return handle.toDoubles();
    }

    public long[] toLongArray() {
        return handle.toLongs();
    }

    public int[] toIntArray() {
        return handle.toInts();
    }

    public boolean[] toBooleanArray() {
        return handle.toBooleans();
    }

    /** The single value of a one-element tensor, as a double. */
    public double item() {
        if (numel() != 1) throw new TorchException("item() needs a one-element tensor, this one has shape " + Arrays.toString(shape()));
        return toDoubleArray()[0];
    }

    @Override
    public void close() {
        handle.close();
    }

    @Override
    public String toString() {
        if (isClosed()) return "Tensor(closed)";
        return "Tensor(shape=" + Arrays.toString(shape()) + ", dtype=" + dtype() + ", device=" + device() + ")";
    }

    // =====================================================================================================
    // ---- ops (owned by the tracing work) ----
    // Every op below goes through Dispatcher.call, the single dispatch point: it runs the registry operator
    // and records a node when a trace is active on this thread. Results are new tensors owned by the caller.
    // =====================================================================================================

    private static Tensor op(String name, Object... args) {
        return (Tensor) Dispatcher.call(name, args);
    }

    @SuppressWarnings("unchecked")
    private static List<Tensor> ops(String name, Object... args) {
        return (List<Tensor>) Dispatcher.call(name, args);
    }

    // ---- arithmetic ----

    public Tensor add(Tensor other) {
        return op("aten::add.Tensor", this, other);
    }

    public Tensor add(double other) {
        return op("aten::add.Scalar", this, other);
    }

    public Tensor sub(Tensor other) {
        return op("aten::sub.Tensor", this, other);
    }

    public Tensor sub(double other) {
        return op("aten::sub.Scalar", this, other);
    }

    public Tensor mul(Tensor other) {
        return op("aten::mul.Tensor", this, other);
    }

    public Tensor mul(double other) {
        return op("aten::mul.Scalar", this, other);
    }

    public Tensor div(Tensor other) {
        return op("aten::div.Tensor", this, other);
    }

    public Tensor div(double other) {
        return op("aten::div.Scalar", this, other);
    }

    public Tensor neg() {
        return op("aten::neg", this);
    }

    public Tensor pow(double exponent) {
        return op("aten::pow.Tensor_Scalar", this, exponent);
    }

    public Tensor pow(Tensor exponent) {
        return op("aten::pow.Tensor_Tensor", this, exponent);
    }

    public Tensor abs() {
        return op("aten::abs", this);
    }

    public Tensor exp() {
        return op("aten::exp", this);
    }

    public Tensor log() {
        return op("aten::log", this);
    }

    public Tensor sqrt() {
        return op("aten::sqrt", this);
    }

    public Tensor clamp(Double min, Double max) {
        return op("aten::clamp", this, min, max);
    }

    public Tensor clampMin(double min) {
        return op("aten::clamp_min", this, min);
    }

    public Tensor clampMax(double max) {
        return op("aten::clamp_max", this, max);
    }

    // ---- comparison (bool tensors) ----

    public Tensor eq(Tensor other) {
        return op("aten::eq.Tensor", this, other);
    }

    public Tensor eq(double other) {
        return op("aten::eq.Scalar", this, other);
    }

    public Tensor ne(Tensor other) {
        return op("aten::ne.Tensor", this, other);
    }

    public Tensor ne(double other) {
        return op("aten::ne.Scalar", this, other);
    }

    public Tensor lt(Tensor other) {
        return op("aten::lt.Tensor", this, other);
    }

    public Tensor lt(double other) {
        return op("aten::lt.Scalar", this, other);
    }

    public Tensor le(Tensor other) {
        return op("aten::le.Tensor", this, other);
    }

    public Tensor le(double other) {
        return op("aten::le.Scalar", this, other);
    }

    public Tensor gt(Tensor other) {
        return op("aten::gt.Tensor", this, other);
    }

    public Tensor gt(double other) {
        return op("aten::gt.Scalar", this, other);
    }

    public Tensor ge(Tensor other) {
        return op("aten::ge.Tensor", this, other);
    }

    public Tensor ge(double other) {
        return op("aten::ge.Scalar", this, other);
    }

    /** Same shape and values (not recorded: returns a Java boolean). */
    public boolean equalTo(Tensor other) {
        return (Boolean) Dispatcher.call("aten::equal", this, other);
    }

    public boolean allclose(Tensor other, double rtol, double atol) {
        return (Boolean) Dispatcher.call("aten::allclose", this, other, rtol, atol);
    }

    public boolean allclose(Tensor other) {
        return allclose(other, 1e-5, 1e-8);
    }

    // ---- linear algebra ----

    public Tensor matmul(Tensor other) {
        return op("aten::matmul", this, other);
    }

    public Tensor mm(Tensor other) {
        return op("aten::mm", this, other);
    }

    public Tensor bmm(Tensor other) {
        return op("aten::bmm", this, other);
    }

    /** 2-D transpose. */
    public Tensor t() {
        return op("aten::t", this);
    }

    // ---- reductions ----

    public Tensor sum() {
        return op("aten::sum", this);
    }

    public Tensor sum(long dim, boolean keepdim) {
        return op("aten::sum.dim_IntList", this, new long[] {dim}, keepdim);
    }

    public Tensor sum(long dim) {
        return sum(dim, false);
    }

    public Tensor mean() {
        return op("aten::mean", this);
    }

    public Tensor mean(long dim, boolean keepdim) {
        return op("aten::mean.dim", this, new long[] {dim}, keepdim);
    }

    public Tensor max() {
        return op("aten::max", this);
    }

    /** Elementwise maximum. */
    public Tensor max(Tensor other) {
        return op("aten::maximum", this, other);
    }

    /** [values, indices] along {@code dim}. */
    public List<Tensor> max(long dim, boolean keepdim) {
        return ops("aten::max.dim", this, dim, keepdim);
    }

    public Tensor min() {
        return op("aten::min", this);
    }

    public Tensor min(Tensor other) {
        return op("aten::minimum", this, other);
    }

    /** [values, indices] along {@code dim}. */
    public List<Tensor> min(long dim, boolean keepdim) {
        return ops("aten::min.dim", this, dim, keepdim);
    }

    public Tensor argmax() {
        return op("aten::argmax", this);
    }

    public Tensor argmax(long dim, boolean keepdim) {
        return op("aten::argmax", this, dim, keepdim);
    }

    // ---- shape ----

    public Tensor reshape(long... shape) {
        return op("aten::reshape", this, shape);
    }

    public Tensor view(long... shape) {
        return op("aten::view", this, shape);
    }

    public Tensor permute(long... dims) {
        return op("aten::permute", this, dims);
    }

    public Tensor transpose(long dim0, long dim1) {
        return op("aten::transpose.int", this, dim0, dim1);
    }

    public Tensor flatten() {
        return op("aten::flatten.using_ints", this, 0L, -1L);
    }

    public Tensor flatten(long startDim, long endDim) {
        return op("aten::flatten.using_ints", this, startDim, endDim);
    }

    public Tensor squeeze() {
        return op("aten::squeeze", this);
    }

    public Tensor squeeze(long dim) {
        return op("aten::squeeze.dim", this, dim);
    }

    public Tensor unsqueeze(long dim) {
        return op("aten::unsqueeze", this, dim);
    }

    public Tensor contiguous() {
        return op("aten::contiguous", this);
    }

    public Tensor expand(long... shape) {
        return op("aten::expand", this, shape);
    }

    public List<Tensor> unbind(long dim) {
        return ops("aten::unbind.int", this, dim);
    }

    public List<Tensor> split(long splitSize, long dim) {
        return ops("aten::split.Tensor", this, splitSize, dim);
    }

    public List<Tensor> chunk(long chunks, long dim) {
        return ops("aten::chunk", this, chunks, dim);
    }

    // ---- indexing ----

    public Tensor select(long dim, long index) {
        return op("aten::select.int", this, dim, index);
    }

    /** {@code this[i]}. */
    public Tensor get(long index) {
        return select(0, index);
    }

    public Tensor narrow(long dim, long start, long length) {
        return op("aten::narrow", this, dim, start, length);
    }

    /** Elements {@code start, start+step, ...} before {@code end} along {@code dim}. */
    public Tensor slice(long dim, long start, long end, long step) {
        return op("aten::slice.Tensor", this, dim, start, end, step);
    }

    /** Advanced indexing {@code this[i0, i1, ...]} with index tensors (null skips a dimension). */
    public Tensor index(Tensor... indices) {
        return op("aten::index.Tensor", this, java.util.Arrays.asList(indices));
    }

    public Tensor indexSelect(long dim, Tensor index) {
        return op("aten::index_select", this, dim, index);
    }

    public Tensor maskedFill(Tensor mask, double value) {
        return op("aten::masked_fill.Scalar", this, mask, value);
    }

    // ---- conversion, autograd, in place ----

    public Tensor to(DType dtype) {
        return op("aten::to.dtype", this, dtype);
    }

    public Tensor to(Device device) {
        return op("aten::to.device", this, device, dtype());
    }

    public Tensor clone() {
        return op("aten::clone", this);
    }

    public Tensor detach() {
        return op("aten::detach", this);
    }

    /** Detaches in place; returns this tensor. */
    public Tensor detach_() {
        Dispatcher.call("aten::detach_", this);
        return this;
    }

    /** Sets whether autograd records operations on this tensor (a leaf); returns this tensor. */
    public Tensor requiresGrad(boolean requiresGrad) {
        Dispatcher.call("aten::requires_grad_", this, requiresGrad);
        return this;
    }

    /** Copies {@code src} into this tensor in place; returns this tensor. */
    public Tensor copy_(Tensor src) {
        Dispatcher.call("aten::copy_", this, src);
        return this;
    }

    public Tensor add_(Tensor other) {
        Dispatcher.call("aten::add_.Tensor", this, other);
        return this;
    }

    public Tensor add_(double other) {
        Dispatcher.call("aten::add_.Scalar", this, other);
        return this;
    }

    /** Adds an integer in place (keeps integer tensors integer). */
    public Tensor add_(long other) {
        Dispatcher.call("aten::add_.Scalar", this, other);
        return this;
    }

    public Tensor mul_(double other) {
        Dispatcher.call("aten::mul_.Scalar", this, other);
        return this;
    }

    public long size(long dim) {
        long[] s = shape();
        return s[(int) (dim < 0 ? dim + s.length : dim)];
    }
}

