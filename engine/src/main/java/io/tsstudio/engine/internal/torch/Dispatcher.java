package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.ErrorText;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.types.OpSchema;
import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.GenericList;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitNode;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.Value;
import org.bytedeco.pytorch.ValueVector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way tensor operations run: resolve a registry operator overload from Java arguments, run it on a stack,
 * and, when a trace is active on this thread, record the call as a graph node.
 */
public final class Dispatcher {
    private static final Map<String, OpOverload> RESOLVED = new ConcurrentHashMap<>();
    /** Marks an argument left to its schema default (named calls can skip arguments in the middle). */
    private static final Object DEFAULT = new Object();

    private Dispatcher() {
    }

    /**
     * Calls operator {@code name} ({@code aten::add}, or an exact overload {@code aten::add.Tensor}) with positional
     * arguments; trailing arguments with schema defaults may be left out. Returns the single result, or a list of
     * results for operators with several returns.
     */
    public static Object call(String name, Object... args) {
        OpOverload op = resolve(name, args);
        return run(op, args);
    }

    /**
     * Calls with positional arguments followed by arguments by schema name (keyword-only ones included); an
     * overload qualifies when every name exists in it and every argument left out has a default.
     */
    public static Object callNamed(String name, List<?> positional, Map<String, ?> named) {
        OpOverload best = null;
        Object[] bestArgs = null;
        int bestScore = -1;
        List<OpOverload> candidates = candidates(name);
        for (OpOverload o : candidates) {
            Object[] args = arrange(o, positional, named);
            if (args == null) continue;
            int s = score(o, args);
            if (s > 0 && o.schema.overload().contains("hacked_twin")) s--;
            if (s > bestScore) {
                best = o;
                bestArgs = args;
                bestScore = s;
            }
        }
        if (best == null) {
            List<String> shown = new ArrayList<>();
            for (Object v : positional) shown.add(describe(v));
            named.forEach((k, v) -> shown.add(k + "=" + describe(v)));
            throw noMatch(name, candidates, shown);
        }
        return run(best, bestArgs);
    }

    private static Object[] arrange(OpOverload o, List<?> positional, Map<String, ?> named) {
        if (positional.size() > o.args.size()) return null;
        Object[] args = new Object[o.args.size()];
        java.util.Arrays.fill(args, DEFAULT);
        for (int i = 0; i < positional.size(); i++) args[i] = positional.get(i);
        int used = 0;
        for (int i = positional.size(); i < args.length; i++) {
            String argName = o.args.get(i).name();
            if (named.containsKey(argName)) {
                args[i] = named.get(argName);
                used++;
            }
        }
        if (used != named.size()) return null; // a name this overload does not have (or one given positionally)
        int last = args.length;
        while (last > 0 && args[last - 1] == DEFAULT) last--;
        return java.util.Arrays.copyOf(args, last);
    }

    private static List<OpOverload> candidates(String name) {
        OpCatalog catalog = OpCatalog.get();
        if (catalog.has(name)) return catalog.overloads(name);
        OpOverload exact = catalog.exact(name);
        if (exact != null) return List.of(exact);
        throw new TorchException("unknown operator '" + name + "': no operator of that name is registered in LibTorch"
                + (name.contains("::") ? "" : " (names are qualified, e.g. aten::" + name + ")"));
    }

    /** The schema the call would use, without running it. */
    public static OpSchema resolveSchema(String name, Object... args) {
        return resolve(name, args).schema;
    }

    // ---- overload resolution ----

    static OpOverload resolve(String name, Object[] args) {
        String key = cacheKey(name, args);
        OpOverload cached = RESOLVED.get(key);
        if (cached != null) return cached;
        List<OpOverload> candidates = candidates(name);
        OpOverload best = null;
        int bestScore = -1;
        for (OpOverload o : candidates) {
            int s = score(o, args);
            // "hacked twins" are TorchScript-only copies (Tensor[] for Tensor?[]); the real schema is what traces show.
            if (s > 0 && o.schema.overload().contains("hacked_twin")) s--;
            if (s > bestScore || (s == bestScore && s >= 0 && o.args.size() < best.args.size())) {
                best = o;
                bestScore = s;
            }
        }
        if (best == null || bestScore < 0) throw noMatch(name, candidates, java.util.Arrays.stream(args).map(Dispatcher::describe).toList());
        RESOLVED.put(key, best);
        return best;
    }

    private static String cacheKey(String name, Object[] args) {
        StringBuilder b = new StringBuilder(name);
        for (Object a : args) b.append('|').append(token(a));
        return b.toString();
    }

    private static String token(Object a) {
        if (a == null) return "null";
        if (a instanceof List<?> l) {
            if (l.isEmpty()) return "List";
            Object first = null;
            boolean hasNull = false;
            for (Object e : l) {
                if (e == null) hasNull = true;
                else if (first == null) first = e;
            }
            return "List<" + (first == null ? "null" : first.getClass().getSimpleName()) + (hasNull ? "?" : "") + ">";
        }
        if (a instanceof Long || a instanceof Integer) return "int";
        return a.getClass().getSimpleName();
    }

    /** Sum of per-argument scores, or -1 when the overload cannot take these arguments. */
    private static int score(OpOverload o, Object[] args) {
        if (args.length > o.args.size()) return -1;
        int total = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i] == DEFAULT) {
                if (o.args.get(i).defaultValue() == null) return -1;
                continue;
            }
            int s = score(o.args.get(i), args[i]);
            if (s <= 0) return -1;
            total += s;
        }
        for (int i = args.length; i < o.args.size(); i++) {
            if (o.args.get(i).defaultValue() == null) return -1;
        }
        return total;
    }

    static int score(ArgSpec a, Object v) {
        if (v == null) return a.optional() || a.kind() == ArgKind.ANY ? 2 : 0;
        switch (a.kind()) {
            case TENSOR: return v instanceof io.tsstudio.engine.Tensor ? 2 : 0;
            case INT: return isInteger(v) ? 2 : 0;
            case FLOAT: return v instanceof Double || v instanceof Float ? 2 : isInteger(v) ? 1 : 0;
            case BOOL: return v instanceof Boolean ? 2 : 0;
            case NUMBER: return v instanceof Number || v instanceof Boolean ? 2 : 0;
            case STRING: return v instanceof String ? 2 : 0;
            case INT_LIST:
                if (v instanceof long[] || v instanceof int[]) return 2;
                if (v instanceof List<?> l && allMatch(l, Dispatcher::isInteger)) return 2;
                return isInteger(v) && a.fixedSize() > 0 ? 1 : 0;
            case FLOAT_LIST:
                if (v instanceof double[] || v instanceof float[]) return 2;
                if (v instanceof List<?> l && allMatch(l, e -> e instanceof Double || e instanceof Float)) return 2;
                return v instanceof long[] || v instanceof int[] ? 1 : 0;
            case BOOL_LIST: return v instanceof boolean[] || (v instanceof List<?> l && allMatch(l, e -> e instanceof Boolean)) ? 2 : 0;
            case TENSOR_LIST:
                if (v instanceof io.tsstudio.engine.Tensor[]) return 2;
                return v instanceof List<?> l && allMatch(l, e -> e instanceof io.tsstudio.engine.Tensor) ? 2 : 0;
            case OPT_TENSOR_LIST:
                if (v instanceof io.tsstudio.engine.Tensor[]) return 1;
                return v instanceof List<?> l && allMatch(l, e -> e == null || e instanceof io.tsstudio.engine.Tensor) ? 1 : 0;
            case SCALAR_TYPE: return v instanceof DType ? 2 : 0;
            case DEVICE: return v instanceof Device ? 2 : v instanceof String ? 1 : 0;
            case ANY: return 1;
            default: return 0;
        }
    }

    private static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    private static boolean allMatch(List<?> l, java.util.function.Predicate<Object> p) {
        for (Object e : l) if (!p.test(e)) return false;
        return true;
    }

    private static TorchException noMatch(String name, List<OpOverload> candidates, List<String> given) {
        StringBuilder b = new StringBuilder(name).append(": no overload accepts (").append(String.join(", ", given)).append("). Candidates:");
        for (OpOverload o : candidates) b.append("\n  ").append(o.schema.schema());
        return new TorchException(b.toString());
    }

    static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof io.tsstudio.engine.Tensor) return "Tensor";
        return token(v);
    }

    // ---- running ----

    private static Object run(OpOverload op, Object[] args) {
        TraceState trace = TraceState.current();
        try (PointerScope scope = new PointerScope()) {
            IValueVector stack = new IValueVector();
            List<Value> inputs = trace == null ? null : new ArrayList<>(op.args.size());
            for (int i = 0; i < op.args.size(); i++) {
                ArgSpec a = op.args.get(i);
                boolean given = i < args.length && args[i] != DEFAULT;
                IValue iv = given ? toIValue(a, args[i]) : a.defaultValue();
                stack.push_back(iv);
                if (trace != null) inputs.add(given ? traceInput(trace, a, args[i], iv) : trace.constant(iv));
            }
            try {
                op.operation().apply(stack);
            } catch (RuntimeException e) {
                throw new TorchException(op.schema.fullName() + " failed: " + ErrorText.clean(e.getMessage()), e);
            }
            int n = (int) stack.size();
            List<Object> results = new ArrayList<>(n);
            JitNode node = trace == null ? null : trace.append(op.symbol, inputs, n);
            for (int i = 0; i < n; i++) {
                IValue r = stack.get(i);
                if (node != null) traceOutput(trace, node.output(i), r, i < op.returns.size() ? op.returns.get(i).type() : null);
                results.add(JavaValues.fromIValue(r, op.schema.fullName()));
            }
            if (n == 1) return results.get(0);
            return Collections.unmodifiableList(results);
        }
    }

    // ---- Java -> IValue, guided by the schema argument ----

    static IValue toIValue(ArgSpec a, Object v) {
        if (v == null) return new IValue();
        switch (a.kind()) {
            case TENSOR: return new IValue(tensor(v));
            case INT: return new IValue(((Number) v).longValue());
            case FLOAT: return new IValue(((Number) v).doubleValue());
            case BOOL: return new IValue((boolean) (Boolean) v);
            case NUMBER:
                if (v instanceof Boolean b) return new IValue((boolean) b);
                if (v instanceof Double || v instanceof Float) return new IValue(((Number) v).doubleValue());
                return new IValue(((Number) v).longValue());
            case STRING: return new IValue((String) v);
            case INT_LIST: {
                GenericList l = new GenericList(Types.INT);
                if (isInteger(v)) for (int i = 0; i < a.fixedSize(); i++) l.push_back(new IValue(((Number) v).longValue()));
                else for (long x : JavaValues.longs(v)) l.push_back(new IValue(x));
                return new IValue(l);
            }
            case FLOAT_LIST: {
                GenericList l = new GenericList(Types.FLOAT);
                for (double x : JavaValues.doubles(v)) l.push_back(new IValue(x));
                return new IValue(l);
            }
            case BOOL_LIST: {
                GenericList l = new GenericList(Types.BOOL);
                for (boolean x : JavaValues.booleans(v)) l.push_back(new IValue(x));
                return new IValue(l);
            }
            case TENSOR_LIST: {
                GenericList l = new GenericList(Types.TENSOR);
                for (Object t : JavaValues.objects(v)) l.push_back(new IValue(tensor(t)));
                return new IValue(l);
            }
            case OPT_TENSOR_LIST: {
                GenericList l = new GenericList(Types.OPTIONAL_TENSOR);
                for (Object t : JavaValues.objects(v)) l.push_back(t == null ? new IValue() : new IValue(tensor(t)));
                return new IValue(l);
            }
            case SCALAR_TYPE: return new IValue((long) Dtypes.toScalarType((DType) v).value);
            case DEVICE: return new IValue(new org.bytedeco.pytorch.Device(v.toString()));
            default: return JavaValues.toIValue(v);
        }
    }

    static Tensor tensor(Object v) {
        return Handles.of(((io.tsstudio.engine.Tensor) v)).share();
    }

    // ---- recording ----

    private static Value traceInput(TraceState trace, ArgSpec a, Object v, IValue iv) {
        if (v == null) return trace.constant(iv);
        switch (a.kind()) {
            case TENSOR: return trace.valueOf(tensor(v));
            case TENSOR_LIST:
            case OPT_TENSOR_LIST: {
                List<Value> items = new ArrayList<>();
                for (Object t : JavaValues.objects(v)) items.add(t == null ? trace.constant(new IValue()) : trace.valueOf(tensor(t)));
                Type.TypePtr element = a.kind() == ArgKind.TENSOR_LIST ? Types.TENSOR : Types.OPTIONAL_TENSOR;
                JitNode list = trace.graph.createList(element, new ValueVector(items.toArray(new Value[0])));
                trace.graph.insertNode(list);
                return list.output();
            }
            case NUMBER:
            case ANY:
                if (v instanceof io.tsstudio.engine.Tensor t) return trace.valueOf(tensor(t));
                return trace.constant(iv);
            default: return trace.constant(iv);
        }
    }

    private static void traceOutput(TraceState trace, Value out, IValue r, Type.TypePtr declared) {
        if (r.isTensor()) {
            Tensor t = r.toTensor();
            if (!t.defined()) { // an absent optional result: nothing to bind
                out.setType(Types.TENSOR);
                return;
            }
            out.setType(TraceState.tensorType(t));
            trace.bind(t, out);
        } else if (r.isTensorList()) {
            out.setType(Types.TENSOR_LIST);
            org.bytedeco.pytorch.TensorVector ts = r.toTensorVector();
            JitNode unpack = trace.graph.createListUnpack(out, ts.size());
            trace.graph.insertNode(unpack);
            for (long i = 0; i < ts.size(); i++) {
                Tensor t = ts.get(i);
                unpack.output(i).setType(TraceState.tensorType(t));
                trace.bind(t, unpack.output(i));
            }
        } else if (declared != null) {
            out.setType(declared);
        }
    }
}
