package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.engine.Ops;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.nn.Module;
import io.tsstudio.engine.trace.TraceOptions;
import io.tsstudio.engine.trace.Tracer;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockIssues;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.BlockSignature;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.IncompleteGraphException;
import io.tsstudio.ui.grapheditor.model.Literals;
import io.tsstudio.ui.grapheditor.model.NnModuleSpec;
import io.tsstudio.ui.grapheditor.model.NnModules;
import io.tsstudio.ui.grapheditor.model.OpCall;
import io.tsstudio.ui.grapheditor.model.ParamSpec;
import io.tsstudio.ui.grapheditor.model.PortSpec;
import io.tsstudio.ui.grapheditor.model.Signatures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Trace path: the document becomes a Java {@link Module} (one child per nn block holding the same weights as the
 * Script path, operator blocks called through {@link Ops}), which is executed on example inputs with the engine's
 * tracer on. The traced module is the result: a flat graph of the operators that actually ran, in eval mode.
 */
public final class GraphTracer {
    private GraphTracer() {
    }

    public static ScriptModule trace(GraphDocument doc, ModelWeights weights, Object... exampleInputs) {
        List<String> issues = BlockIssues.all(doc);
        if (!issues.isEmpty()) throw new IncompleteGraphException(issues);
        DocumentModule m = new DocumentModule(doc, weights);
        m.eval();
        return Tracer.trace(new TraceOptions(false, false), m, exampleInputs);
    }

    /** Runs the document eagerly (no tracing), e.g. to check a trace against it. */
    public static Object run(GraphDocument doc, ModelWeights weights, Object... inputs) {
        DocumentModule m = new DocumentModule(doc, weights);
        m.eval();
        return m.forward(inputs);
    }

    /** Java value of a literal setting as the registry dispatcher takes it (lists as primitive arrays). */
    static Object toOpValue(Object v) {
        if (v instanceof List<?> l) {
            if (l.isEmpty() || l.get(0) instanceof Long || l.get(0) instanceof Integer) {
                long[] a = new long[l.size()];
                for (int i = 0; i < a.length; i++) a[i] = ((Number) l.get(i)).longValue();
                return a;
            }
            if (l.get(0) instanceof Double) {
                double[] a = new double[l.size()];
                for (int i = 0; i < a.length; i++) a[i] = ((Number) l.get(i)).doubleValue();
                return a;
            }
            if (l.get(0) instanceof Boolean) {
                boolean[] a = new boolean[l.size()];
                for (int i = 0; i < a.length; i++) a[i] = (Boolean) l.get(i);
                return a;
            }
        }
        return v;
    }

    /** One nn block: its parameters and buffers, and a forward that makes the block's one operator call. */
    static final class BlockModule extends Module {
        private final String type;
        private final OpCall call;
        private final Map<String, Tensor> tensors = new HashMap<>();

        BlockModule(Block b, NnModuleSpec spec, ModelWeights weights) {
            this.type = spec.type();
            this.call = spec.call(b.settings());
            for (ParamSpec p : spec.parameters(b.settings())) {
                Tensor t = weights.tensorFor(b.id(), p);
                tensors.put(p.name(), p.buffer() ? registerBuffer(p.name(), t) : registerParameter(p.name(), t));
            }
        }

        @Override
        public String typeName() {
            return type;
        }

        @Override
        public Object forward(Object... inputs) {
            if (call.op() == null) return inputs[0];
            Object[] args = new Object[call.args().size()];
            for (int i = 0; i < args.length; i++) {
                Object a = call.args().get(i);
                if (a == OpCall.INPUT) args[i] = inputs[0];
                else if (a == OpCall.TRAINING) args[i] = isTraining();
                else if (a instanceof OpCall.Param p) args[i] = tensors.get(p.name());
                else args[i] = toOpValue(a);
            }
            return Ops.call(call.op(), args);
        }
    }

    /** The whole document as a module; forward walks the blocks in dependency order. */
    static final class DocumentModule extends Module {
        private final GraphDocument doc;
        private final List<Block> order;
        private final Map<String, Object> children = new HashMap<>();
        private final String title;

        DocumentModule(GraphDocument doc, ModelWeights weights) {
            this.doc = doc;
            this.order = doc.topologicalOrder();
            this.title = doc.title();
            for (Block b : order) {
                if (b.kind() != BlockKind.MODULE) continue;
                NnModuleSpec spec = NnModules.find(b.type()).orElse(null);
                if (spec != null) {
                    children.put(b.id(), registerModule(b.name(), new BlockModule(b, spec, weights)));
                } else {
                    ScriptModule kept = weights.kept(b.id());
                    if (kept == null) throw new IllegalStateException("module block '" + b.name() + "' (" + b.type() + ") has no module to run");
                    children.put(b.id(), registerModule(b.name(), kept));
                }
            }
        }

        @Override
        public String typeName() {
            return title;
        }

        @Override
        public Object forward(Object... inputs) {
            List<Block> ins = doc.blocksOf(BlockKind.INPUT);
            if (inputs.length != ins.size()) {
                throw new IllegalArgumentException("the graph has " + ins.size() + " input(s) " + ins.stream().map(Block::name).toList() + " but "
                        + inputs.length + " example value(s) were given");
            }
            Map<String, Object> values = new HashMap<>();
            List<Object> outputs = new ArrayList<>();
            for (Block b : order) {
                BlockSignature sig = Signatures.of(b);
                switch (b.kind()) {
                    case INPUT -> values.put(b.id() + ".value", inputs[ins.indexOf(b)]);
                    case CONSTANT -> values.put(b.id() + ".value", toOpValue(b.setting("value")));
                    case OUTPUT -> outputs.add(input(b, "value", values));
                    case MODULE -> {
                        List<Object> args = new ArrayList<>();
                        for (PortSpec p : sig.inputs()) if (doc.inputConnection(b.id(), p.name()).isPresent()) args.add(input(b, p.name(), values));
                        Object child = children.get(b.id());
                        Object r = child instanceof ScriptModule sm ? sm.forward(args.toArray()) : ((Module) child).forward(args.toArray());
                        store(b, sig, r, values);
                    }
                    case OPERATOR -> store(b, sig, Ops.call(b.type(), operatorArgs(b, sig, values)), values);
                }
            }
            return outputs.size() == 1 ? outputs.get(0) : List.copyOf(outputs);
        }

        private Object[] operatorArgs(Block b, BlockSignature sig, Map<String, Object> values) {
            // schema order; a skipped default before a given argument is filled with the schema's default value
            List<Object> args = new ArrayList<>();
            int last = -1;
            for (int i = 0; i < sig.inputs().size(); i++) {
                PortSpec p = sig.inputs().get(i);
                if (doc.inputConnection(b.id(), p.name()).isPresent() || b.settings().containsKey(p.name())) last = i;
            }
            for (int i = 0; i <= last; i++) {
                PortSpec p = sig.inputs().get(i);
                if (doc.inputConnection(b.id(), p.name()).isPresent()) args.add(input(b, p.name(), values));
                else if (b.settings().containsKey(p.name())) args.add(toOpValue(b.setting(p.name())));
                else args.add(toOpValue(Literals.parse(p.defaultValue().orElse("None"), p.type())));
            }
            return args.toArray();
        }

        private Object input(Block b, String port, Map<String, Object> values) {
            Connection c = doc.inputConnection(b.id(), port).orElseThrow();
            return values.get(c.fromBlock() + "." + c.fromPort());
        }

        private static void store(Block b, BlockSignature sig, Object r, Map<String, Object> values) {
            if (sig.outputs().size() == 1) {
                values.put(b.id() + "." + sig.outputs().get(0).name(), r);
            } else if (sig.outputs().size() > 1 && r instanceof List<?> l) {
                for (int i = 0; i < sig.outputs().size(); i++) values.put(b.id() + "." + sig.outputs().get(i).name(), l.get(i));
            }
        }
    }
}
