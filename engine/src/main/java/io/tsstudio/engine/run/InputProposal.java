package io.tsstudio.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.AttributeInfo;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ParameterInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrCall;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.engine.ir.IrValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes arguments a method will accept, read from the model itself, so the first Run of a model works without
 * the user knowing its input shape. For each tensor argument, in order of trust:
 * <ol>
 *   <li>the sizes a trace recorded in the graph ({@code Float(1, 3, 224, 224, strides=...)});</li>
 *   <li>the first operator that consumes it, followed through submodule calls ({@code prim::CallMethod}) and
 *       shape-keeping ops: {@code linear}'s in_features, {@code conv}'s in_channels (with a spatial size from an
 *       {@code image_size}-like attribute, else a usual one), {@code embedding}'s index range, {@code layer_norm}'s
 *       normalized shape, ..., each read from the weights of the module that does the work;</li>
 *   <li>{@code [1]} when nothing in the model says.</li>
 * </ol>
 * Other arguments get their declared default, or a plain value of their type. Every proposal says where it came from.
 * The studio's run panel and {@code tsstudio run} without {@code --arg} both use this.
 */
public final class InputProposal {
    /** How deep submodule calls are followed, and how many method graphs are read at most, to stay fast on big models. */
    private static final int MAX_DEPTH = 24;
    private static final int MAX_GRAPHS = 256;
    /** Index tensors proposed for an embedding are this long (or shorter, for a smaller vocabulary). */
    private static final int SEQUENCE = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SHAPE_KEEPING = Set.of("relu", "relu_", "dropout", "dropout_", "feature_dropout", "alpha_dropout",
            "contiguous", "clone", "detach", "gelu", "silu", "silu_", "sigmoid", "tanh", "hardtanh", "hardtanh_", "hardswish",
            "hardswish_", "leaky_relu", "leaky_relu_", "elu", "selu", "mish", "relu6", "hardsigmoid", "hardsigmoid_", "to", "float");
    private static final Set<String> SPATIAL_ATTRIBUTES = Set.of("image_size", "img_size", "input_size", "resolution");
    private static final Pattern COMPLETE_TYPE = Pattern.compile("^(Float|Double|Half|BFloat16|Long|Int|Short|Char|Byte|Bool)\\((.*)\\)$");

    private final ScriptModule root;
    private final Map<String, MethodGraph> graphs = new HashMap<>();
    private Map<String, List<Long>> tensorShapes;

    private InputProposal(ScriptModule root) {
        this.root = root;
    }

    /** One proposal per argument of {@code method} ({@code self} excluded), in order. */
    public static List<ProposedInput> propose(ScriptModule module, String method) {
        return new InputProposal(module).proposeAll(method);
    }

    private List<ProposedInput> proposeAll(String method) {
        MethodInfo info = root.method(method);
        MethodGraph g = graph("", method);
        List<ProposedInput> out = new ArrayList<>();
        int offset = g == null ? 0 : g.ir.inputs().size() - info.arguments().size();
        for (int i = 0; i < info.arguments().size(); i++) {
            ArgumentInfo a = info.arguments().get(i);
            if (a.name().equals("self")) continue;
            int index = offset + i;
            IrValue input = g == null || index < 0 || index >= g.ir.inputs().size() ? null : g.ir.inputs().get(index);
            out.add(proposeOne(a, g, input, index));
        }
        return out;
    }

    private ProposedInput proposeOne(ArgumentInfo a, MethodGraph g, IrValue input, int index) {
        String type = a.type().trim();
        if (type.equals("Tensor")) {
            Found f = input == null ? null : recorded(g.printedType(index));
            if (f == null && input != null) f = firstConsumer(new Frame("", g, Map.of()), input.id(), 0);
            if (f == null) f = new Found(List.of(1L), DType.FLOAT32, "ones", "nothing in the model says: edit the shape");
            return new ProposedInput(a.name(), a.type(), tensorJson(f), f.source);
        }
        if (a.defaultValue().isPresent()) return new ProposedInput(a.name(), a.type(), pythonToJson(a.defaultValue().get().trim()), "declared default");
        return new ProposedInput(a.name(), a.type(), plainValue(type), "a plain " + type);
    }

    /** Default values arrive as Python source ({@code None}, {@code True}, {@code [1, 2]}, {@code 'a'}); this is their JSON. */
    public static String pythonToJson(String s) {
        return s.replace("None", "null").replace("True", "true").replace("False", "false").replace('(', '[').replace(')', ']').replace('\'', '"');
    }

    private static String plainValue(String type) {
        if (type.startsWith("Optional[")) return "null";
        if (type.startsWith("List[") || type.startsWith("Tuple[") || type.endsWith("[]")) return "[]";
        if (type.startsWith("Dict[")) return "{}";
        return switch (type) {
            case "int", "SymInt" -> "1";
            case "float" -> "1.0";
            case "bool" -> "false";
            case "str" -> "\"\"";
            default -> "null";
        };
    }

    private static String tensorJson(Found f) {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode spec = o.putObject("tensor");
        ArrayNode dims = spec.putArray("shape");
        f.shape.forEach(dims::add);
        spec.put("fill", f.fill);
        o.put("dtype", f.dtype.jsonName());
        return o.toString();
    }

    // ---- sizes a trace recorded ----

    /** {@code Float(1, 3, 224, 224, strides=[...], requires_grad=0, device=cpu)}: a complete type; {@code *} sizes are not. */
    static Found recorded(String typeText) {
        if (typeText == null) return null;
        Matcher m = COMPLETE_TYPE.matcher(typeText.trim());
        if (!m.matches()) return null;
        List<Long> dims = new ArrayList<>();
        for (String part : m.group(2).split(",")) {
            String p = part.trim();
            if (p.contains("=") || p.startsWith("[") || p.endsWith("]")) break;
            if (!p.matches("\\d+")) return null;
            dims.add(Long.parseLong(p));
        }
        if (dims.isEmpty()) return null;
        DType dtype = switch (m.group(1)) {
            case "Double" -> DType.FLOAT64;
            case "Half" -> DType.FLOAT16;
            case "BFloat16" -> DType.BFLOAT16;
            case "Long" -> DType.INT64;
            case "Int" -> DType.INT32;
            case "Short" -> DType.INT16;
            case "Char" -> DType.INT8;
            case "Byte" -> DType.UINT8;
            case "Bool" -> DType.BOOL;
            default -> DType.FLOAT32;
        };
        return new Found(dims, dtype, dtype.isFloatingPoint() ? "ones" : "zeros", "sizes recorded in the traced graph");
    }

    // ---- the first consumer ----

    private Found firstConsumer(Frame f, String valueId, int depth) {
        if (depth > MAX_DEPTH) return null;
        IrValue v = f.graph.ir.value(valueId);
        if (v == null) return null;
        List<IrNode> users = new ArrayList<>();
        for (String u : v.users()) {
            IrNode n = f.graph.nodes.get(u);
            if (n != null) users.add(n);
        }
        users.sort((a, b) -> Integer.compare(f.graph.order.get(a.id()), f.graph.order.get(b.id())));
        for (IrNode n : users) {
            Found r = consumer(f, n, n.inputs().indexOf(valueId), depth);
            if (r != null) return r;
        }
        return null;
    }

    private Found consumer(Frame f, IrNode n, int pos, int depth) {
        String op = n.shortKind();
        if (n.kind().equals("prim::CallMethod")) return throughCall(f, n, pos, depth);
        if (!n.namespace().equals("aten")) return null;
        if (SHAPE_KEEPING.contains(op) && pos == 0 && !n.outputs().isEmpty()) return firstConsumer(f, n.outputs().get(0), depth + 1);
        if (op.equals("flatten") && pos == 0 && !n.outputs().isEmpty()) return firstConsumer(f, n.outputs().get(0), depth + 1);
        switch (op) {
            case "linear" -> {
                List<Long> w = tensorShape(f, n, 1);
                if (pos != 0 || w == null || w.size() != 2) return null;
                return floats(List.of(1L, w.get(1)), "linear in_features=" + w.get(1) + in(f));
            }
            case "matmul", "mm", "mv" -> {
                // x @ W needs x's last size = W's rows; W @ x needs x's first size = W's columns
                List<Long> w = tensorShape(f, n, pos == 0 ? 1 : 0);
                if (pos > 1 || w == null || w.size() != 2) return null;
                String what = op + " with a " + w.get(0) + "×" + w.get(1) + " weight" + in(f);
                if (pos == 0) return op.equals("mv") ? null : floats(List.of(1L, w.get(0)), what);
                return floats(op.equals("mm") ? List.of(w.get(1), 1L) : List.of(w.get(1)), what);
            }
            case "conv1d", "conv2d", "conv3d" -> {
                List<Long> w = tensorShape(f, n, 1);
                if (pos != 0 || w == null || w.size() < 3) return null;
                long groups = f.graph.constantInt(n, 6, 1);
                return convolution(f, w.get(1) * groups, w.size() - 2, op);
            }
            case "conv_transpose1d", "conv_transpose2d", "conv_transpose3d" -> {
                List<Long> w = tensorShape(f, n, 1);
                if (pos != 0 || w == null || w.size() < 3) return null;
                return convolution(f, w.get(0), w.size() - 2, op);
            }
            case "_convolution" -> {
                List<Long> w = tensorShape(f, n, 1);
                if (pos != 0 || w == null || w.size() < 3) return null;
                boolean transposed = f.graph.constantInt(n, 6, 0) != 0;
                long groups = f.graph.constantInt(n, 8, 1);
                return convolution(f, transposed ? w.get(0) : w.get(1) * groups, w.size() - 2, transposed ? "conv_transpose" : "convolution");
            }
            case "embedding" -> {
                List<Long> w = tensorShape(f, n, 0);
                if (pos != 1 || w == null || w.size() != 2) return null;
                long length = Math.max(1, Math.min(SEQUENCE, w.get(0)));
                return new Found(List.of(1L, length), DType.INT64, "arange",
                        "embedding of " + w.get(0) + ": indices 0.." + (length - 1) + in(f));
            }
            case "layer_norm" -> {
                List<Long> normalized = tensorShape(f, n, 2);
                if (normalized == null) normalized = f.graph.constantInts(n, 1);
                if (pos != 0 || normalized == null || normalized.isEmpty()) return null;
                List<Long> shape = new ArrayList<>();
                shape.add(1L);
                shape.addAll(normalized);
                return floats(shape, "layer_norm normalized_shape=" + normalized + in(f));
            }
            case "batch_norm", "instance_norm", "group_norm" -> {
                List<Long> c = op.equals("group_norm") ? tensorShape(f, n, 2) : tensorShape(f, n, 1);
                if (c == null && !op.equals("group_norm")) c = tensorShape(f, n, 3);
                if (pos != 0 || c == null || c.size() != 1) return null;
                String owner = f.graph.ir.owner();
                int spatial = owner.endsWith("1d") ? 0 : owner.endsWith("3d") ? 3 : 2;
                return withSpatial(f, c.get(0), spatial, op + " of " + c.get(0) + " channels");
            }
            default -> {
                return null;
            }
        }
    }

    /** Follows an argument into the called submodule's method; well-known modules whose first op hides it are read by class. */
    private Found throughCall(Frame f, IrNode n, int pos, int depth) {
        if (pos < 1 || n.call().isEmpty()) return null;
        IrCall call = n.call().get();
        String path = modulePath(f, n.inputs().get(0));
        if (path == null) path = join(f.path, call.submodulePath());
        MethodGraph callee = graph(path, call.method());
        if (callee == null || pos >= callee.ir.inputs().size()) return null;
        Map<String, List<Long>> bound = new HashMap<>();
        for (int i = 1; i < n.inputs().size() && i < callee.ir.inputs().size(); i++) {
            List<Long> s = tensorShape(f, n.inputs().get(i));
            if (s != null) bound.put(callee.ir.inputs().get(i).id(), s);
        }
        Frame inner = new Frame(path, callee, bound);
        Found r = recorded(callee.printedType(pos));
        if (r != null) return r.from(call.method() + (path.isEmpty() ? "" : " of " + path));
        r = firstConsumer(inner, callee.ir.inputs().get(pos).id(), depth + 1);
        return r != null ? r : pos == 1 ? knownModule(inner) : null;
    }

    /** Modules whose scripted forward reaches its weights through helper functions the graph does not show. */
    private Found knownModule(Frame f) {
        String owner = f.graph.ir.owner();
        String cls = owner.substring(owner.lastIndexOf('.') + 1);
        boolean batchFirst = Boolean.TRUE.equals(attribute(f.path, "batch_first"));
        switch (cls) {
            case "MultiheadAttention" -> {
                List<Long> w = shapes().get(join(f.path, "in_proj_weight"));
                Object e = attribute(f.path, "embed_dim");
                long dim = w != null && w.size() == 2 ? w.get(1) : e instanceof Number num ? num.longValue() : -1;
                if (dim < 1) return null;
                return floats(sequence(batchFirst, dim), "MultiheadAttention embed_dim=" + dim + order(batchFirst) + in(f));
            }
            case "LSTM", "GRU", "RNN" -> {
                List<Long> w = shapes().get(join(f.path, "weight_ih_l0"));
                if (w == null || w.size() != 2) return null;
                return floats(sequence(batchFirst, w.get(1)), cls + " input_size=" + w.get(1) + order(batchFirst) + in(f));
            }
            case "LSTMCell", "GRUCell", "RNNCell" -> {
                List<Long> w = shapes().get(join(f.path, "weight_ih"));
                if (w == null || w.size() != 2) return null;
                return floats(List.of(1L, w.get(1)), cls + " input_size=" + w.get(1) + in(f));
            }
            default -> {
                return null;
            }
        }
    }

    /** {@code batch_first} is a class constant in scripted torch.nn modules, not an attribute: unread, PyTorch's default holds. */
    private static String order(boolean batchFirst) {
        return batchFirst ? ", batch first" : ", sequence first";
    }

    private static List<Long> sequence(boolean batchFirst, long features) {
        return batchFirst ? List.of(1L, (long) SEQUENCE, features) : List.of((long) SEQUENCE, 1L, features);
    }

    private Found convolution(Frame f, long channels, int spatialDims, String op) {
        return withSpatial(f, channels, spatialDims, op + " in_channels=" + channels);
    }

    /** {@code [1, C, S, S...]}: S from an image-size attribute of the module or an ancestor, else 224 for RGB, 32 otherwise. */
    private Found withSpatial(Frame f, long channels, int spatialDims, String what) {
        List<Long> shape = new ArrayList<>(List.of(1L, channels));
        if (spatialDims == 0) return floats(shape, what + in(f));
        long size = -1;
        String said = null;
        for (String p = f.path; size < 0; p = parent(p)) {
            for (String name : SPATIAL_ATTRIBUTES) {
                if (attribute(p, name) instanceof Number num && num.longValue() > 0) {
                    size = num.longValue();
                    said = name + "=" + size + " of " + (p.isEmpty() ? "the model" : p);
                    break;
                }
            }
            if (p.isEmpty()) break;
        }
        if (size < 0) {
            size = channels == 3 ? 224 : 32;
            said = size + (spatialDims == 1 ? "" : "×" + size) + " assumed" + (channels == 3 ? " (usual for RGB images)" : "");
        }
        for (int i = 0; i < spatialDims; i++) shape.add(size);
        return floats(shape, what + in(f) + "; " + said);
    }

    private static Found floats(List<Long> shape, String source) {
        return new Found(shape, DType.FLOAT32, "ones", source);
    }

    private static String in(Frame f) {
        return f.path.isEmpty() ? "" : " (" + f.path + ")";
    }

    // ---- reading the model ----

    private MethodGraph graph(String path, String method) {
        String key = path + "#" + method;
        if (graphs.containsKey(key)) return graphs.get(key);
        MethodGraph g = null;
        if (graphs.size() < MAX_GRAPHS) {
            try {
                if (path.isEmpty()) {
                    g = new MethodGraph(root.graph(method), root.graphText(method));
                } else {
                    try (ScriptModule sub = root.submodule(path)) {
                        g = new MethodGraph(sub.graph(method), sub.graphText(method));
                    }
                }
            } catch (RuntimeException e) {
                g = null; // a method without a graph (a builtin) tells nothing: the proposal falls back
            }
        }
        graphs.put(key, g);
        return g;
    }

    /** Parameters and buffers of the whole model by dotted name, read once. */
    private Map<String, List<Long>> shapes() {
        if (tensorShapes == null) {
            tensorShapes = new HashMap<>();
            for (ParameterInfo p : root.parameterInfos()) tensorShapes.put(p.name(), p.shape());
            for (ParameterInfo p : root.bufferInfos()) tensorShapes.put(p.name(), p.shape());
        }
        return tensorShapes;
    }

    private Object attribute(String path, String name) {
        try {
            List<AttributeInfo> attributes;
            if (path.isEmpty()) {
                attributes = root.attributes();
            } else {
                try (ScriptModule sub = root.submodule(path)) {
                    attributes = sub.attributes();
                }
            }
            return attributes.stream().filter(a -> a.name().equals(name)).map(AttributeInfo::value).findFirst().orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<Long> tensorShape(Frame f, IrNode n, int input) {
        return input < n.inputs().size() ? tensorShape(f, n.inputs().get(input)) : null;
    }

    /** The shape of a parameter or buffer a value holds: bound by the caller, or read through {@code self.a.b.weight}. */
    private List<Long> tensorShape(Frame f, String valueId) {
        List<Long> bound = f.bound.get(valueId);
        if (bound != null) return bound;
        // x @ self.weight.t(), the usual hand-written linear: the transposed weight's shape is the weight's, reversed
        IrValue v = f.graph.ir.value(valueId);
        IrNode producer = v == null || v.producer().isEmpty() ? null : f.graph.nodes.get(v.producer().get());
        if (producer != null && producer.kind().equals("aten::t") && !producer.inputs().isEmpty()) {
            List<Long> s = tensorShape(f, producer.inputs().get(0));
            return s == null || s.size() != 2 ? null : List.of(s.get(1), s.get(0));
        }
        String path = modulePath(f, valueId);
        return path == null ? null : shapes().get(path);
    }

    /** The dotted path from the model's root that a value was read from ({@code prim::GetAttr} chains on self). */
    private static String modulePath(Frame f, String valueId) {
        List<IrValue> inputs = f.graph.ir.inputs();
        if (!inputs.isEmpty() && inputs.get(0).id().equals(valueId) && f.graph.ir.schema().contains(" self")) return f.path;
        IrValue v = f.graph.ir.value(valueId);
        if (v == null || v.producer().isEmpty()) return null;
        IrNode n = f.graph.nodes.get(v.producer().get());
        if (n == null || !n.kind().equals("prim::GetAttr") || n.inputs().isEmpty()) return null;
        String parent = modulePath(f, n.inputs().get(0));
        Object name = n.attributes().get("name");
        return parent == null || name == null ? null : join(parent, name.toString());
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "." + b;
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** Where the search stands: the module (dotted path from the root) whose method graph is read, and tensors bound by the caller. */
    private record Frame(String path, MethodGraph graph, Map<String, List<Long>> bound) {
    }

    record Found(List<Long> shape, DType dtype, String fill, String source) {
        Found from(String where) {
            return new Found(shape, dtype, fill, source + " (" + where + ")");
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s %s (%s)", shape, dtype, fill, source);
        }
    }
}
