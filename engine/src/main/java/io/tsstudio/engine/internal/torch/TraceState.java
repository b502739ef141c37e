package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.pytorch.Graph;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.JitNode;
import org.bytedeco.pytorch.Symbol;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorType;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.Value;
import org.bytedeco.pytorch.ValueVector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph being recorded on the current thread, and which graph value each live tensor stands for.
 *
 * <p>Tensors are matched by their {@code TensorImpl} address. Every tensor that gets a value is pinned (one extra
 * native reference) until the trace ends, so an address can never be reused by another tensor mid-trace.
 */
public final class TraceState {
    private static final ThreadLocal<TraceState> CURRENT = new ThreadLocal<>();

    static final String REQUIRES_GRAD_CONSTANT = "Cannot insert a Tensor that requires grad as a constant. "
            + "Consider making it a parameter or input, or detaching the gradient";

    final Graph graph;
    final Value self;
    private final Map<Long, Value> values = new HashMap<>();
    private final Map<Long, String> attributePaths;
    private final Map<String, Value> attributeValues = new HashMap<>();
    private final IdentityHashMap<Object, String> modulePaths;
    private final List<Pointer> pins = new ArrayList<>();

    private TraceState(Graph graph, Value self, Map<Long, String> attributePaths, IdentityHashMap<Object, String> modulePaths) {
        this.graph = graph;
        this.self = self;
        this.attributePaths = attributePaths;
        this.modulePaths = modulePaths;
    }

    /** The trace recording on this thread, or null. */
    public static TraceState current() {
        return CURRENT.get();
    }

    public static boolean active() {
        return CURRENT.get() != null;
    }

    static TraceState begin(Graph graph, Value self, Map<Long, String> attributePaths, IdentityHashMap<Object, String> modulePaths) {
        if (CURRENT.get() != null) throw new TorchException("a trace is already running on this thread: tracing cannot be nested");
        TraceState s = new TraceState(graph, self, attributePaths, modulePaths);
        CURRENT.set(s);
        return s;
    }

    /** Ends the trace on this thread (normally or abandoned) and drops the pins. */
    void end() {
        if (CURRENT.get() == this) CURRENT.remove();
        for (Pointer p : pins) p.releaseReference();
        pins.clear();
        values.clear();
    }

    static long key(Tensor t) {
        return t.unsafeGetTensorImpl().address();
    }

    void bind(Tensor t, Value v) {
        long k = key(t);
        if (!values.containsKey(k)) {
            Tensor pin = new Tensor(t);
            pin.retainReference();
            pins.add(pin);
        }
        values.put(k, v);
    }

    boolean isAttribute(Tensor t) {
        return attributePaths.containsKey(key(t));
    }

    boolean isBound(Tensor t) {
        return values.containsKey(key(t));
    }

    /**
     * The value a tensor stands for: its recorded producer, a module attribute read through {@code prim::GetAttr} on
     * {@code self}, or else a constant baked into the graph (which LibTorch refuses for tensors requiring grad).
     */
    Value valueOf(Tensor t) {
        long k = key(t);
        Value v = values.get(k);
        if (v != null) return v;
        String path = attributePaths.get(k);
        if (path != null) {
            v = attribute(path);
            values.put(k, v);
            return v;
        }
        if (t.requires_grad()) throw new TorchException(REQUIRES_GRAD_CONSTANT + " (a tensor captured by the traced code is neither an input nor a module parameter)");
        IValue iv = new IValue(t);
        v = graph.insertConstant(iv);
        bind(t, v);
        return v;
    }

    /** {@code self.a.b.c} as a chain of GetAttr nodes, sharing prefixes already read. */
    Value attribute(String path) {
        Value v = attributeValues.get(path);
        if (v != null) return v;
        int dot = path.lastIndexOf('.');
        Value owner = dot < 0 ? self : attribute(path.substring(0, dot));
        v = graph.insertGetAttr(owner, dot < 0 ? path : path.substring(dot + 1));
        attributeValues.put(path, v);
        return v;
    }

    /** The path of a child module (Java module or script module) of the traced module, or null. */
    String modulePath(Object module) {
        return modulePaths.get(module);
    }

    Value constant(IValue v) {
        return graph.insertConstant(v);
    }

    JitNode append(Symbol kind, List<Value> inputs, int nOutputs) {
        ValueVector in = new ValueVector(inputs.toArray(new Value[0]));
        JitNode n = graph.create(kind, in, nOutputs);
        graph.insertNode(n);
        return n;
    }

    static Type.TypePtr tensorType(Tensor t) {
        return new Type.TypePtr(TensorType.create(t));
    }
}
