package io.tsstudio.ui.graph.model;

import io.tsstudio.engine.ir.IrBlock;
import io.tsstudio.engine.ir.IrCall;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.engine.ir.IrSourceRange;
import io.tsstudio.engine.ir.IrValue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds IR graphs by hand for view-model tests, the way the extraction shapes them (ids n1.., values v1..). */
public final class TestIr {
    private final String owner;
    private final String method;
    private final List<IrValue> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private final Map<String, String[]> valueInfo = new LinkedHashMap<>();
    private final Map<String, String> producers = new LinkedHashMap<>();
    private final Map<String, List<String>> users = new LinkedHashMap<>();
    private final Deque<List<IrNode>> nodeLists = new ArrayDeque<>();
    private final List<IrNode> nested = new ArrayList<>();
    private int nextNode = 1;
    private int nextValue = 1;
    private int line = 0;

    public TestIr(String owner, String method) {
        this.owner = owner;
        this.method = method;
        nodeLists.push(new ArrayList<>());
    }

    public static TestIr module(String cls) {
        TestIr b = new TestIr(cls, "forward");
        b.input("self", cls);
        return b;
    }

    public String self() {
        return inputs.get(0).id();
    }

    public TestIr at(int sourceLine) {
        line = sourceLine;
        return this;
    }

    private String newValue(String name, String type) {
        String id = "v" + nextValue++;
        valueInfo.put(id, new String[]{name, type});
        users.put(id, new ArrayList<>());
        return id;
    }

    public String input(String name, String type) {
        String id = newValue(name, type);
        inputs.add(null);
        inputs.set(inputs.size() - 1, new IrValue(id, name, type, Optional.empty(), List.of()));
        return id;
    }

    /** Adds a node; returns its output value ids. */
    public List<String> node(String kind, String schema, Map<String, Object> attrs, IrCall call, List<IrBlock> blocks,
                      List<String> outTypes, String... ins) {
        String id = "n" + nextNode++;
        List<String> outs = new ArrayList<>();
        for (String t : outTypes) {
            String v = newValue(kind.substring(kind.indexOf("::") + 2) + "_" + nextValue, t);
            producers.put(v, id);
            outs.add(v);
        }
        for (String in : ins) {
            users.get(in).add(id);
        }
        Optional<IrSourceRange> range = line > 0 ? Optional.of(new IrSourceRange("<string>", line, 5, line, 30)) : Optional.empty();
        nodeLists.peek().add(new IrNode(id, kind, List.of(ins), outs, attrs, blocks, range, "",
                Optional.ofNullable(schema), Optional.ofNullable(call)));
        return outs;
    }

    public String op(String kind, String schema, String outType, String... ins) {
        return node(kind, schema, Map.of(), null, List.of(), List.of(outType), ins).get(0);
    }

    public String constant(Object value, String type) {
        return node("prim::Constant", null, value == null ? Map.of() : Map.of("value", value), null, List.of(),
                List.of(type)).get(0);
    }

    public String getAttr(String obj, String name, String type) {
        return node("prim::GetAttr", null, Map.of("name", name), null, List.of(), List.of(type), obj).get(0);
    }

    /** {@code self.<path>.forward(args)}: the GetAttr chain plus the CallMethod, as the extraction gives it. */
    public String call(String path, String cls, String method, String outType, String... args) {
        String ref = self();
        for (String part : path.split("\\.")) {
            ref = getAttr(ref, part, cls);
        }
        String[] ins = new String[args.length + 1];
        ins[0] = ref;
        System.arraycopy(args, 0, ins, 1, args.length);
        return node("prim::CallMethod", null, Map.of("name", method), new IrCall(path, cls, method), List.of(),
                List.of(outType), ins).get(0);
    }

    public void beginBlock() {
        nodeLists.push(new ArrayList<>());
    }

    public String blockInput(String name, String type) {
        return newValue(name, type);
    }

    public IrBlock endBlock(List<String> blockInputs, String... returns) {
        List<IrNode> nodes = nodeLists.pop();
        for (String r : returns) {
            users.get(r).add("return");
        }
        return new IrBlock(blockInputs, nodes, List.of(returns));
    }

    public void output(String... values) {
        for (String v : values) {
            outputs.add(v);
            users.get(v).add("return");
        }
    }

    public IrGraph build() {
        Map<String, IrValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : valueInfo.entrySet()) {
            values.put(e.getKey(), new IrValue(e.getKey(), e.getValue()[0], e.getValue()[1],
                    Optional.ofNullable(producers.get(e.getKey())), users.get(e.getKey())));
        }
        List<IrValue> ins = inputs.stream().map(v -> values.get(v.id())).toList();
        List<IrValue> outs = outputs.stream().map(values::get).toList();
        String schema = method + "(" + owner + " self) -> Tensor";
        return new IrGraph(owner, method, schema, ins, nodeLists.peekLast(), outs, values);
    }

    public static final String LINEAR_CLS = "__torch__.torch.nn.modules.linear.Linear";
    public static final String LINEAR_SCHEMA = "aten::linear(Tensor input, Tensor weight, Tensor? bias=None) -> Tensor";
    public static final String RELU_SCHEMA = "aten::relu(Tensor self) -> Tensor";
    public static final String ADD_SCHEMA = "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor";

    /** Linear.forward: {@code linear(x, self.weight, self.bias)} with parameter reads. */
    public static IrGraph linearForward() {
        TestIr b = module(LINEAR_CLS);
        String x = b.input("input", "Tensor");
        b.at(10);
        String w = b.getAttr(b.self(), "weight", "Tensor");
        String bias = b.getAttr(b.self(), "bias", "Tensor");
        b.output(b.op("aten::linear", LINEAR_SCHEMA, "Tensor", x, w, bias));
        return b.build();
    }
}
