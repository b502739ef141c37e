package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.ClassType;
import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.DictType;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.Graph;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.JitNode;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.Symbol;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TupleType;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.TypeVector;
import org.bytedeco.pytorch.Value;
import org.bytedeco.pytorch.ValueVector;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records one run of Java code into a TorchScript graph: graph inputs from the example inputs, nodes from the
 * {@link Dispatcher}, graph outputs from the result, and turns the graph into a function or a module method.
 * JavaCPP does not map {@code torch::jit::tracer}; this does its job in Java, with the same rules.
 */
public final class Tracing {
    private static final System.Logger LOG = System.getLogger(Tracing.class.getName());

    static final String INPUT_RULE = "Only tensors or (possibly nested) dict or tuples of tensors can be inputs to traced functions";
    static final String OUTPUT_RULE = "Only tensors, lists, tuples of tensors, or dictionary of tensors can be output from traced functions";
    static final String DICT_OUTPUT = "Encountering a dict at the output of the tracer might cause the trace to be incorrect, "
            + "this is only valid if the container structure does not change based on the module's inputs. "
            + "Consider using a constant container instead (e.g. for `list`, use a `tuple` instead. for `dict`, use a `NamedTuple` instead). "
            + "If you absolutely need this and know the side effects, pass strict=false to trace() to allow this behavior.";
    static final String LIST_OUTPUT = "Encountering a list at the output of the tracer might cause the trace to be incorrect, "
            + "this is only valid if the container structure does not change based on the module's inputs. "
            + "Consider using a constant container instead (e.g. for `list`, use a `tuple` instead).";

    private Tracing() {
    }

    /** The traced Java code. */
    @FunctionalInterface
    public interface Body {
        Object run(List<Object> inputs) throws Exception;
    }

    /** What the traced module exposes to the tracer: attribute paths of its tensors and of its child modules. */
    public record ModuleView(NativeModule module, Map<io.tsstudio.engine.Tensor, String> tensorPaths, IdentityHashMap<Object, String> childPaths) {
    }

    /** Traces {@code body} into a standalone function in a compilation unit of its own. */
    public static NativeFunction traceFunction(Body body, List<Object> inputs, boolean strict) throws Exception {
        try (PointerScope scope = new PointerScope()) {
            Graph graph = new Graph();
            record(graph, null, null, body, inputs, strict);
            CompilationUnit cu = new CompilationUnit();
            Function f = cu.create_function(new QualifiedName("name"), graph, true);
            return NativeFunction.own(cu, f);
        }
    }

    /** Traces {@code body} as method {@code method} of the module in {@code view} (graph input 0 is {@code self}). */
    public static void traceMethod(ModuleView view, String method, Body body, List<Object> inputs, boolean strict) throws Exception {
        // exclusive: the method is added to the module's type, which a call running on the module reads
        try (NativeLifetime.Use use = view.module().useExclusive(); PointerScope scope = new PointerScope()) {
            JitModule m = view.module().get();
            ClassType type = m.type();
            if (type.findMethod(method) != null) throw new TorchException("method '" + method + "' is already defined on " + typeName(type));
            Graph graph = new Graph();
            Value self = graph.addInput("self");
            self.setType(new Type.TypePtr(type));
            record(graph, self, view, body, inputs, strict);
            Function f = type.compilation_unit().create_function(new QualifiedName(new QualifiedName(typeName(type)), method), graph, false);
            type.addMethod(f);
        }
    }

    static String typeName(ClassType type) {
        return type.name().get().qualifiedName().getString();
    }

    private static void record(Graph graph, Value self, ModuleView view, Body body, List<Object> inputs, boolean strict) throws Exception {
        Map<Long, String> paths = new java.util.HashMap<>();
        IdentityHashMap<Object, String> children = new IdentityHashMap<>();
        if (view != null) {
            for (Map.Entry<io.tsstudio.engine.Tensor, String> e : view.tensorPaths().entrySet()) paths.put(TraceState.key(Handles.of(e.getKey()).share()), e.getValue());
            children.putAll(view.childPaths());
        }
        for (int i = 0; i < inputs.size(); i++) checkInput(inputs.get(i), "input " + i);
        TraceState state = TraceState.begin(graph, self, paths, children);
        try {
            for (Object in : inputs) {
                Value v = graph.addInput();
                v.setType(typeOf(in));
                bindInput(state, v, in);
            }
            Object out = body.run(List.copyOf(inputs)); // checkInput has ruled out nulls
            checkOutput(out, strict);
            graph.registerOutput(outputValue(state, out));
        } finally {
            state.end();
        }
    }

    // ---- inputs ----

    private static void checkInput(Object in, String where) {
        if (in instanceof io.tsstudio.engine.Tensor) return;
        if (in instanceof io.tsstudio.engine.JitTuple t) {
            for (Object o : t.values()) checkInput(o, where);
            return;
        }
        if (in instanceof List<?> l && JavaValues.allTensors(l)) return;
        if (in instanceof Map<?, ?> m) {
            boolean ok = true;
            for (Map.Entry<?, ?> e : m.entrySet()) ok &= e.getKey() instanceof String && e.getValue() instanceof io.tsstudio.engine.Tensor;
            if (ok) return;
        }
        throw new TorchException(INPUT_RULE + ". Got " + describe(in) + " as " + where
                + " (accepted: Tensor, List<Tensor>, Map<String, Tensor>, and tuples of these)");
    }

    static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof io.tsstudio.engine.Tensor) return "Tensor";
        if (v instanceof Long || v instanceof Integer) return "int (" + v + ")";
        if (v instanceof Double || v instanceof Float) return "float (" + v + ")";
        if (v instanceof String s) return "str (\"" + s + "\")";
        if (v instanceof List<?> l) return "a list of " + l.stream().map(Tracing::describe).distinct().toList();
        if (v instanceof Map<?, ?>) return "a map that is not Map<String, Tensor>";
        return v.getClass().getSimpleName();
    }

    private static Type.TypePtr typeOf(Object in) {
        if (in instanceof io.tsstudio.engine.Tensor t) return TraceState.tensorType(Handles.of(t).share());
        if (in instanceof io.tsstudio.engine.JitTuple tv) {
            TypeVector types = new TypeVector();
            for (Object o : tv.values()) types.push_back(typeOf(o));
            if (tv.isNamed()) {
                org.bytedeco.pytorch.StringVector names = new org.bytedeco.pytorch.StringVector(tv.names().toArray(new String[0]));
                return new Type.TypePtr(TupleType.createNamed(new org.bytedeco.pytorch.QualifiedNameOptional(), names, types));
            }
            return new Type.TypePtr(TupleType.create(types));
        }
        if (in instanceof List<?>) return Types.TENSOR_LIST;
        if (in instanceof Map<?, ?>) return new Type.TypePtr(DictType.create(Types.STRING, Types.TENSOR));
        throw new TorchException(INPUT_RULE + ". Got " + describe(in));
    }

    /** Mirrors LibTorch's tracer addInput: containers are unpacked once, so their shape is fixed by the trace. */
    private static void bindInput(TraceState state, Value v, Object in) {
        Graph g = state.graph;
        if (in instanceof io.tsstudio.engine.Tensor t) {
            state.bind(Handles.of(t).share(), v);
        } else if (in instanceof io.tsstudio.engine.JitTuple tv) {
            JitNode unpack = g.createTupleUnpack(v);
            g.insertNode(unpack);
            List<?> items = tv.values();
            for (int i = 0; i < items.size(); i++) {
                unpack.output(i).setType(typeOf(items.get(i)));
                bindInput(state, unpack.output(i), items.get(i));
            }
        } else if (in instanceof List<?> l) {
            JitNode unpack = g.createListUnpack(v, l.size());
            g.insertNode(unpack);
            for (int i = 0; i < l.size(); i++) {
                Tensor t = Handles.of(((io.tsstudio.engine.Tensor) l.get(i))).share();
                unpack.output(i).setType(TraceState.tensorType(t));
                state.bind(t, unpack.output(i));
            }
        } else if (in instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Value key = g.insertConstant(new IValue((String) e.getKey()));
                List<Value> args = List.of(v, key);
                JitNode get = state.append(Symbol.fromQualString("aten::__getitem__"), args, 1);
                Tensor t = Handles.of(((io.tsstudio.engine.Tensor) e.getValue())).share();
                get.output().setType(TraceState.tensorType(t));
                state.bind(t, get.output());
            }
        }
    }

    // ---- outputs ----

    private static void checkOutput(Object out, boolean strict) {
        if (out instanceof Map<?, ?> && strict) throw new TorchException(DICT_OUTPUT);
        if (out instanceof List<?> l && !(out instanceof io.tsstudio.engine.JitTuple) && strict && JavaValues.allTensors(l)) {
            LOG.log(System.Logger.Level.WARNING, LIST_OUTPUT);
        }
    }

    private static Value outputValue(TraceState state, Object out) {
        Graph g = state.graph;
        if (out instanceof io.tsstudio.engine.Tensor t) {
            Tensor n = Handles.of(t).share();
            if (!state.isBound(n) && !state.isAttribute(n)) {
                throw new TorchException("output of traced region did not have observable data dependence with trace inputs; "
                        + "this probably indicates your program cannot be understood by the tracer (the returned tensor was not computed from the inputs by tensor operations)");
            }
            return state.valueOf(n);
        }
        if (out instanceof io.tsstudio.engine.JitTuple tv) return tuple(state, tv.values());
        if (out instanceof List<?> l) {
            if (JavaValues.allTensors(l)) {
                List<Value> vs = new ArrayList<>();
                for (Object o : l) vs.add(outputValue(state, o));
                JitNode list = g.createList(Types.TENSOR, new ValueVector(vs.toArray(new Value[0])));
                g.insertNode(list);
                return list.output();
            }
            return tuple(state, l);
        }
        if (out instanceof Map<?, ?> m) {
            List<Value> keys = new ArrayList<>();
            List<Value> values = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof io.tsstudio.engine.Tensor)) {
                    throw new TorchException(OUTPUT_RULE + ". Got a map entry " + e.getKey() + " -> " + describe(e.getValue()));
                }
                keys.add(g.insertConstant(new IValue(k)));
                values.add(outputValue(state, e.getValue()));
            }
            JitNode dict = g.createDict(Types.STRING, Types.TENSOR, new ValueVector(keys.toArray(new Value[0])), new ValueVector(values.toArray(new Value[0])));
            g.insertNode(dict);
            return dict.output();
        }
        throw new TorchException(OUTPUT_RULE + ". Got " + describe(out));
    }

    private static Value tuple(TraceState state, List<?> items) {
        List<Value> vs = new ArrayList<>();
        for (Object o : items) vs.add(outputValue(state, o));
        JitNode t = state.graph.createTuple(new ValueVector(vs.toArray(new Value[0])));
        state.graph.insertNode(t);
        return t.output();
    }

    /**
     * Runs a script module method called from Java during a trace. When the module is a child of the traced module
     * the call is recorded as {@code prim::CallMethod} on the child (read through GetAttr), so the child keeps its
     * own methods in the result instead of being inlined; any other script module just runs.
     */
    public static Object recordCall(NativeModule module, String method, Object[] args, java.util.function.Supplier<Object> run) {
        TraceState st = TraceState.current();
        String path = st == null ? null : st.modulePath(module);
        if (path == null) return run.get();
        try (PointerScope scope = new PointerScope()) {
            List<Value> ins = new ArrayList<>();
            ins.add(st.attribute(path));
            for (Object a : args) ins.add(argumentValue(st, a));
            Object result = run.get();
            JitNode call = st.append(Symbol.fromQualString("prim::CallMethod"), ins, 1);
            call.s_(Symbol.attr("name"), new org.bytedeco.javacpp.BytePointer(method));
            Value out = call.output();
            if (result instanceof io.tsstudio.engine.Tensor t) {
                out.setType(TraceState.tensorType(Handles.of(t).share()));
                st.bind(Handles.of(t).share(), out);
            } else {
                try (NativeLifetime.Use use = module.use()) {
                    org.bytedeco.pytorch.Function f = module.get().type().findMethod(method);
                    out.setType(new org.bytedeco.pytorch.GraphFunction(f).graph().outputs().get(0).type());
                }
            }
            return result;
        }
    }

    private static Value argumentValue(TraceState st, Object a) {
        if (a instanceof io.tsstudio.engine.Tensor t) return st.valueOf(Handles.of(t).share());
        if (a instanceof List<?> l && JavaValues.allTensors(l)) {
            List<Value> vs = new ArrayList<>();
            for (Object o : l) vs.add(st.valueOf(Handles.of(((io.tsstudio.engine.Tensor) o)).share()));
            JitNode list = st.graph.createList(Types.TENSOR, new ValueVector(vs.toArray(new Value[0])));
            st.graph.insertNode(list);
            return list.output();
        }
        return st.constant(JavaValues.toIValue(a));
    }
}
