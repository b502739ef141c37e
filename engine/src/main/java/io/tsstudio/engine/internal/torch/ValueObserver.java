package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.observe.ObservedTensor;
import io.tsstudio.engine.observe.ObservedValue;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.GenericDict;
import org.bytedeco.pytorch.GenericDictEntryRef;
import org.bytedeco.pytorch.GenericDictIterator;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.LongArrayRef;
import org.bytedeco.pytorch.T_TensorTensor_T;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a value a node produced into an {@link ObservedValue}: dtype, shape, device and statistics of every tensor
 * in it, and a copy of the tensor while the caller's byte budget lasts. Statistics take two reductions in the common
 * case (aminmax, mean); NaN and infinities are counted, and excluded, only when those say one is present.
 */
final class ValueObserver {
    private static final int MAX_TEXT_ITEMS = 8;
    private final boolean statistics;
    private long budget;

    ValueObserver(long keepBytes, boolean statistics) {
        this.budget = Math.max(0, keepBytes);
        this.statistics = statistics;
    }

    /** Observes {@code v}; call inside a PointerScope (temporaries are freed with it, kept copies are owned). */
    ObservedValue observe(IValue v, String staticType) {
        List<ObservedTensor> tensors = new ArrayList<>();
        String text = describe(v, tensors, 0);
        return new ObservedValue(staticType, text, tensors);
    }

    private String describe(IValue v, List<ObservedTensor> tensors, int depth) {
        // an undefined tensor is None to PyTorch (an Optional[Tensor] some operators fill so): no tensor
        if (v.isTensor() && !v.toTensor().defined()) return "None";
        if (v.isTensor()) {
            ObservedTensor t = tensor(v.toTensor());
            tensors.add(t);
            return shapeText(t.shape()) + " " + t.dtype();
        }
        if (v.isNone()) return "None";
        if (v.isBool()) return v.toBool() ? "True" : "False";
        if (v.isInt()) return Long.toString(v.toInt());
        if (v.isDouble()) return Double.toString(v.toDouble());
        if (v.isString()) return "'" + Text.of(v.toStringRef()) + "'";
        if (v.isTuple() || v.isList()) {
            IValueVector els = v.isTuple() ? v.toTuple().elements().vec() : v.toList().vec();
            StringBuilder b = new StringBuilder(v.isTuple() ? "(" : "[");
            for (int i = 0; i < els.size(); i++) {
                String item = describe(els.get(i), tensors, depth + 1);
                if (i < MAX_TEXT_ITEMS) b.append(i == 0 ? "" : ", ").append(els.get(i).isTensor() ? "Tensor" : item);
                else if (i == MAX_TEXT_ITEMS) b.append(", ...");
            }
            if (v.isTuple() && els.size() == 1) b.append(',');
            return b.append(v.isTuple() ? ")" : "]").toString();
        }
        if (v.isGenericDict()) {
            GenericDict d = v.toGenericDict();
            long n = d.size();
            GenericDictIterator it = d.begin();
            StringBuilder b = new StringBuilder("{");
            for (long i = 0; i < n; i++) {
                GenericDictEntryRef e = it.multiply();
                String key = describe(e.key(), new ArrayList<>(), depth + 1);
                String value = describe(e.value(), tensors, depth + 1);
                if (i < MAX_TEXT_ITEMS) b.append(i == 0 ? "" : ", ").append(key).append(": ").append(e.value().isTensor() ? "Tensor" : value);
                else if (i == MAX_TEXT_ITEMS) b.append(", ...");
                it.increment();
            }
            return b.append('}').toString();
        }
        if (v.isObject()) return "<" + IrReader.text(v.toObject().type().str()) + ">";
        if (v.isDevice()) return IrReader.text(v.toDevice().str());
        return "<" + IrReader.text(v.tagKind()) + ">";
    }

    private ObservedTensor tensor(org.bytedeco.pytorch.Tensor t) {
        if (t == null || t.isNull() || !t.defined()) {
            return new ObservedTensor("undefined", new long[0], "", Double.NaN, Double.NaN, Double.NaN, 0, 0, Optional.empty());
        }
        String dtype = dtypeName(t.scalar_type());
        long[] shape = shape(t.sizes());
        String device = IrReader.text(t.device().str());
        double min = Double.NaN, max = Double.NaN, mean = Double.NaN;
        long nan = 0, inf = 0;
        if (statistics && t.numel() > 0 && !t.is_complex() && !t.is_quantized()) {
            try {
                // sparse layouts (roi_align's interpolation matrix) are summarized as the dense values they stand for
                org.bytedeco.pytorch.Tensor dense = t.is_sparse() || t.is_sparse_csr() || t.is_mkldnn() ? t.to_dense() : t;
                org.bytedeco.pytorch.Tensor d = dense.is_floating_point() ? dense.detach() : dense.detach().to(torch.ScalarType.Double);
                double[] s = minMaxMean(d);
                if (!(Double.isFinite(s[0]) && Double.isFinite(s[1]) && Double.isFinite(s[2]))) {
                    nan = d.isnan().sum().item_long();
                    inf = d.isinf().sum().item_long();
                    org.bytedeco.pytorch.Tensor finite = d.masked_select(d.isfinite());
                    s = finite.numel() == 0 ? new double[]{Double.NaN, Double.NaN, Double.NaN} : minMaxMean(finite);
                }
                min = s[0];
                max = s[1];
                mean = s[2];
            } catch (RuntimeException e) {
                // a layout or dtype the reductions do not support: no statistics rather than no observation
                min = max = mean = Double.NaN;
                nan = inf = 0;
            }
        }
        Optional<Tensor> kept = Optional.empty();
        long bytes = t.numel() * t.element_size();
        if (bytes <= budget && budget > 0) {
            budget -= bytes;
            kept = Optional.of(Handles.wrap(NativeTensor.own(t.detach().clone())));
        }
        return new ObservedTensor(dtype, shape, device, min, max, mean, nan, inf, kept);
    }

    private static double[] minMaxMean(org.bytedeco.pytorch.Tensor d) {
        T_TensorTensor_T mm = d.aminmax();
        return new double[]{mm.get0().item_double(), mm.get1().item_double(), d.mean().item_double()};
    }

    static long[] shape(LongArrayRef sizes) {
        long[] out = new long[(int) sizes.size()];
        for (int i = 0; i < out.length; i++) out[i] = sizes.get(i);
        return out;
    }

    static String shapeText(long[] shape) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) b.append(i == 0 ? "" : ", ").append(shape[i]);
        return b.append(']').toString();
    }

    static String dtypeName(torch.ScalarType type) {
        try {
            return Dtypes.fromScalarType(type).jsonName();
        } catch (IllegalArgumentException e) {
            return String.valueOf(type.intern()).toLowerCase(Locale.ROOT);
        }
    }

    /** For callers that observe outside a step's scope. */
    ObservedValue observeScoped(IValue v, String staticType) {
        try (PointerScope s = new PointerScope()) {
            return observe(v, staticType);
        }
    }
}
