package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.ir.IrBlock;
import io.tsstudio.engine.ir.IrCall;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.engine.ir.IrSourceRange;
import io.tsstudio.engine.ir.IrValue;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Block;
import org.bytedeco.pytorch.BlockArrayRef;
import org.bytedeco.pytorch.ClassType;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.FunctionSchema;
import org.bytedeco.pytorch.FunctionVector;
import org.bytedeco.pytorch.Graph;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.JitNode;
import org.bytedeco.pytorch.MethodOptional;
import org.bytedeco.pytorch.Source;
import org.bytedeco.pytorch.SourceRange;
import org.bytedeco.pytorch.Symbol;
import org.bytedeco.pytorch.SymbolVector;
import org.bytedeco.pytorch.T_StringSizeTSizeT_T;
import org.bytedeco.pytorch.T_StringSizeTSizeT_TOptional;
import org.bytedeco.pytorch.Value;
import org.bytedeco.pytorch.ValueArrayRef;
import org.bytedeco.pytorch.global.torch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a LibTorch {@code Graph} into the immutable {@link IrGraph} model. The graph is read as it is: never inlined
 * or frozen (both are far too slow on big models), so submodule calls stay {@code prim::CallMethod} nodes.
 * <p>
 * Node and value ids are assigned in a fixed pre-order walk ({@code n0, n1, ...}, {@code v0, v1, ...}), so reading
 * the same graph twice, or the same file after a reload, gives the same ids.
 */
public final class IrReader {
    private final Map<Long, String> valueIds = new HashMap<>();          // Value::unique() -> our id
    private final Map<String, ValueDraft> values = new LinkedHashMap<>();
    private final Map<String, String> modulePaths = new HashMap<>();     // value id -> dotted path from self
    private final Map<String, String> functionNames = new HashMap<>();   // value id of a function constant -> its name
    private List<GraphText.PrintedNode> printed = List.of();
    private int nextNode;
    private int nextValue;

    private IrReader() {
    }

    /** Reads one method of a module (not inlined). */
    public static IrGraph readMethod(NativeModule module, String method) {
        try (NativeLifetime.Use use = module.use(); PointerScope scope = new PointerScope()) {
            JitModule m = module.get();
            ClassType type = m.type();
            String owner = text(type.str());
            MethodOptional found = m.find_method(method);
            if (!found.has_value()) {
                throw new TorchException("module " + owner + " has no method '" + method + "' (it has: " + String.join(", ", methodNames(type)) + ")");
            }
            org.bytedeco.pytorch.Method meth = found.get();
            String schema = text(torch.toString(meth.function().getSchema()));
            return new IrReader().read(meth.graph(), owner, method, schema, true);
        }
    }

    /** Reads a compiled function's graph (a free function: no {@code self}). */
    public static IrGraph readFunction(Function function) {
        try (PointerScope scope = new PointerScope()) {
            Function f = function;
            if (!f.isGraphFunction()) throw new TorchException("function " + text(f.name()) + " has no TorchScript graph (it is a builtin)");
            Graph g = torch.toGraphFunction(f).graph();
            String qualified = text(f.qualname().qualifiedName());
            return new IrReader().read(g, qualified, text(f.name()), text(torch.toString(f.getSchema())), false);
        }
    }

    /**
     * Reads a compiled function. Source with TorchScript classes compiles into a host module whose methods are the
     * functions; those graphs start with {@code self}.
     */
    public static IrGraph readCallable(NativeCallable callable) {
        org.bytedeco.pytorch.Method m = callable.method();
        if (m == null) return readFunction(callable.function());
        try (PointerScope scope = new PointerScope()) {
            String owner = text(m.owner().type().str());
            String schema = text(torch.toString(m.function().getSchema()));
            return new IrReader().read(m.graph(), owner, text(m.name()), schema, true);
        }
    }

    /** Names of a class type's methods, in declaration order. */
    static List<String> methodNames(ClassType type) {
        List<String> names = new ArrayList<>();
        FunctionVector fs = type.methods();
        for (long i = 0; i < fs.size(); i++) names.add(text(fs.get(i).name()));
        return names;
    }

    /**
     * Printing a loaded graph unpickles the archive's {@code .debug_pkl} lazily (source ranges), so a damaged archive
     * that loaded can still fail here, with a bare c10::Error: it becomes a TorchException that names the method.
     */
    private IrGraph read(Graph g, String owner, String method, String schema, boolean hasSelf) {
        try {
            return readChecked(g, owner, method, schema, hasSelf);
        } catch (TorchException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TorchException("cannot read the graph of " + owner + "." + method + ": " + Errors.clean(e), e);
        }
    }

    private IrGraph readChecked(Graph g, String owner, String method, String schema, boolean hasSelf) {
        printed = GraphText.parse(g.toString());
        List<String> inputs = defineAll(g.inputs(), null);
        if (hasSelf && !inputs.isEmpty()) modulePaths.put(inputs.get(0), "");
        List<IrNode> nodes = readNodes(g.block());
        List<String> outputs = idsOf(g.outputs());
        Map<String, IrValue> all = new LinkedHashMap<>();
        values.forEach((id, d) -> all.put(id, d.freeze()));
        return new IrGraph(owner, method, schema, inputs.stream().map(all::get).toList(), nodes,
                outputs.stream().map(all::get).toList(), all);
    }

    private List<IrNode> readNodes(Block block) {
        List<IrNode> out = new ArrayList<>();
        JitNode end = block.return_node();
        for (JitNode n = block.param_node().next(); n != null && n.address() != end.address(); n = n.next()) {
            out.add(readNode(n));
        }
        return out;
    }

    private IrNode readNode(JitNode n) {
        int index = nextNode++;
        String id = "n" + index;
        String kind = text(n.kind().toQualString());
        GraphText.PrintedNode print = index < printed.size() && printed.get(index).kind().equals(kind) ? printed.get(index) : null;
        List<String> inputs = idsOf(n.inputs());
        for (String in : inputs) values.get(in).users.add(id);
        List<String> outputs = defineAll(n.outputs(), id);
        Map<String, Object> attributes = Attributes.read(n, print, outputs.isEmpty() ? "" : values.get(outputs.get(0)).type);

        List<IrBlock> blocks = new ArrayList<>();
        BlockArrayRef bs = n.blocks();
        for (long i = 0; i < bs.size(); i++) {
            Block b = bs.get(i);
            List<String> blockInputs = defineAll(b.inputs(), null);
            List<IrNode> blockNodes = readNodes(b);
            blocks.add(new IrBlock(blockInputs, blockNodes, idsOf(b.outputs())));
        }

        Optional<IrCall> call = Optional.empty();
        if (kind.equals("prim::GetAttr") && !inputs.isEmpty() && !outputs.isEmpty()) {
            String parent = modulePaths.get(inputs.get(0));
            Object name = attributes.get("name");
            if (parent != null && name != null) modulePaths.put(outputs.get(0), parent.isEmpty() ? name.toString() : parent + "." + name);
        } else if (kind.equals("prim::CallMethod") && !inputs.isEmpty()) {
            String target = inputs.get(0);
            String path = modulePaths.getOrDefault(target, "");
            call = Optional.of(new IrCall(path, values.get(target).type, String.valueOf(attributes.getOrDefault("name", ""))));
        } else if (kind.equals("prim::Constant") && outputs.size() == 1 && attributes.get("name") instanceof String name) {
            functionNames.put(outputs.get(0), name); // the callee of a prim::CallFunction: its type text is just "Function"
        } else if (kind.equals("prim::CallFunction") && !inputs.isEmpty()) {
            String callee = functionNames.getOrDefault(inputs.get(0), values.get(inputs.get(0)).type);
            int dot = callee.lastIndexOf('.');
            call = Optional.of(new IrCall("", callee, dot < 0 ? callee : callee.substring(dot + 1)));
        }

        Optional<String> schema = Optional.empty();
        FunctionSchema fs = n.maybeSchema();
        if (fs != null && !fs.isNull()) schema = Optional.of(text(torch.toString(fs)));

        BytePointer scopeName = n.scopeName();
        String scope = scopeName == null || scopeName.isNull() ? "" : text(scopeName);
        return new IrNode(id, kind, inputs, outputs, attributes, blocks, sourceRange(n), scope, schema, call);
    }

    private List<String> defineAll(ValueArrayRef vs, String producer) {
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < vs.size(); i++) {
            Value v = vs.get(i);
            String id = "v" + nextValue++;
            valueIds.put(v.unique(), id);
            String debug = v.hasDebugName() ? text(v.debugName()) : "";
            values.put(id, new ValueDraft(id, debug, text(v.type().get().str()), producer));
            ids.add(id);
        }
        return ids;
    }

    private List<String> idsOf(ValueArrayRef vs) {
        List<String> ids = new ArrayList<>();
        for (long i = 0; i < vs.size(); i++) {
            Value v = vs.get(i);
            String id = valueIds.get(v.unique());
            if (id == null) throw new TorchException("graph is malformed: value %" + text(v.debugName()) + " is used before it is defined");
            ids.add(id);
        }
        return ids;
    }

    /**
     * Where the node came from. Lines are 1-based as LibTorch reports them; LibTorch's columns are 0-based, so one is
     * added. Nodes without a recorded range (constants and GetAttrs of loaded files) have none.
     */
    static Optional<IrSourceRange> sourceRange(JitNode n) {
        SourceRange r = n.sourceRange();
        if (r == null || r.isNull() || r.end() <= r.start()) return Optional.empty();
        T_StringSizeTSizeT_TOptional flc = r.file_line_col();
        if (!flc.has_value()) return Optional.empty();
        T_StringSizeTSizeT_T start = flc.get();
        Source src = r.source();
        long endLine = start.get1();
        long endCol = start.get2() + (r.end() - r.start());
        if (src != null && !src.isNull() && r.end() <= src.size()) {
            long lineIndex = src.lineno_for_offset(r.end());
            endLine = src.lineno_to_source_lineno(lineIndex);
            endCol = r.end() - src.offset_for_line(lineIndex);
        }
        return Optional.of(new IrSourceRange(text(start.get0()), (int) start.get1(), (int) start.get2() + 1, (int) endLine, (int) endCol + 1));
    }

    static String text(BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString(StandardCharsets.UTF_8);
    }

    private static final class ValueDraft {
        final String id;
        final String debugName;
        final String type;
        final String producer;
        final List<String> users = new ArrayList<>();

        ValueDraft(String id, String debugName, String type, String producer) {
            this.id = id;
            this.debugName = debugName;
            this.type = type;
            this.producer = producer;
        }

        IrValue freeze() {
            return new IrValue(id, debugName, type, Optional.ofNullable(producer), users.stream().distinct().toList());
        }
    }

    /** Node attributes converted to plain Java values. */
    static final class Attributes {
        private static final int TENSOR_VALUES_SHOWN = 8;

        private Attributes() {
        }

        static Map<String, Object> read(JitNode n, GraphText.PrintedNode print, String firstOutputType) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (!n.hasAttributes()) return out;
            SymbolVector names = n.attributeNames();
            for (long i = 0; i < names.size(); i++) {
                Symbol s = names.get(i);
                String name = text(s.toUnqualString());
                Object v = read(n, s, name, print, firstOutputType);
                if (v != null) out.put(name, v);
            }
            return out;
        }

        private static Object read(JitNode n, Symbol s, String name, GraphText.PrintedNode print, String firstOutputType) {
            switch (n.kindOf(s).intern()) {
                case f: return n.f(s);
                case i: {
                    long v = n.i(s);
                    // booleans are stored as ints; the constant's output type says which it is
                    return name.equals("value") && firstOutputType.equals("bool") ? (Object) (v != 0) : (Object) v;
                }
                case s: { // see GraphText: the native getter cannot be read
                    String printedValue = print == null ? null : print.attributes().get(name);
                    return printedValue == null ? null : GraphText.unquote(printedValue);
                }
                case fs: {
                    List<Object> l = new ArrayList<>();
                    var vs = n.fs(s);
                    for (long k = 0; k < vs.size(); k++) l.add(vs.get(k));
                    return l;
                }
                case is: {
                    List<Object> l = new ArrayList<>();
                    var vs = n.is(s);
                    for (long k = 0; k < vs.size(); k++) l.add(vs.get(k));
                    return l;
                }
                case ss: {
                    List<Object> l = new ArrayList<>();
                    var vs = n.ss(s);
                    for (long k = 0; k < vs.size(); k++) l.add(text(vs.get(k)));
                    return l;
                }
                case t: return tensorSummary(n.t(s));
                case ts: {
                    List<Object> l = new ArrayList<>();
                    var vs = n.ts(s);
                    for (long k = 0; k < vs.size(); k++) l.add(tensorSummary(vs.get(k)));
                    return l;
                }
                case ty: return text(n.ty(s).get().str());
                case tys: {
                    List<Object> l = new ArrayList<>();
                    var vs = n.tys(s);
                    for (long k = 0; k < vs.size(); k++) l.add(text(vs.get(k).get().str()));
                    return l;
                }
                case ival: return ivalue(n.ival(s), 0);
                case g: return "<subgraph>";
                case gs: return "<subgraphs>";
                case c:
                case cs: return "<complex>";
                default: return null;
            }
        }

        /** Constants that are neither scalars nor tensors (tuples, lists of tensors, devices...) arrive as IValues. */
        static Object ivalue(org.bytedeco.pytorch.IValue v, int depth) {
            if (depth > 8) return "...";
            if (v.isNone()) return "None";
            if (v.isBool()) return v.toBool();
            if (v.isInt()) return v.toInt();
            if (v.isDouble()) return v.toDouble();
            if (v.isString()) return text(v.toStringRef());
            if (v.isTensor()) return tensorSummary(v.toTensor());
            if (v.isDevice()) return text(v.toDevice().str());
            if (v.isTuple()) {
                List<Object> l = new ArrayList<>();
                var es = v.toTuple().elements();
                for (long k = 0; k < es.size(); k++) l.add(ivalue(es.get(k), depth + 1));
                return l;
            }
            if (v.isList()) {
                List<Object> l = new ArrayList<>();
                var es = v.toListRef();
                for (long k = 0; k < es.size(); k++) l.add(ivalue(es.get(k), depth + 1));
                return l;
            }
            return "<" + text(v.tagKind()) + ">";
        }

        private static String dtypeName(torch.ScalarType type) {
            try {
                return Dtypes.fromScalarType(type).jsonName();
            } catch (IllegalArgumentException e) {
                return String.valueOf(type.intern()).toLowerCase(java.util.Locale.ROOT);
            }
        }

        /** A short text: {@code tensor float32[2, 3] [1.0, 2.0, ...]} (values only for small tensors). */
        static String tensorSummary(org.bytedeco.pytorch.Tensor t) {
            if (t == null || t.isNull() || !t.defined()) return "tensor (undefined)";
            StringBuilder sb = new StringBuilder("tensor ");
            sb.append(dtypeName(t.scalar_type())).append('[');
            org.bytedeco.pytorch.LongArrayRef sizes = t.sizes();
            for (long k = 0; k < sizes.size(); k++) sb.append(k == 0 ? "" : ", ").append(sizes.get(k));
            sb.append(']');
            long numel = t.numel();
            if (numel > 0 && numel <= TENSOR_VALUES_SHOWN && !t.is_complex() && !t.is_quantized()) {
                org.bytedeco.pytorch.Tensor c = t.to(new org.bytedeco.pytorch.Device("cpu"), torch.ScalarType.Double).contiguous();
                double[] vals = new double[(int) numel];
                c.data_ptr_double().get(vals);
                sb.append(' ').append(java.util.Arrays.toString(vals));
            }
            return sb.toString();
        }
    }
}
