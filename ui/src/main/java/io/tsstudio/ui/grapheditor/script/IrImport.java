package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.engine.types.TypeRef;
import io.tsstudio.engine.types.ParsedSchema;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrGraphs;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.engine.ir.IrValue;
import io.tsstudio.ui.grapheditor.AutoLayout;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.ConnectionRules;
import io.tsstudio.ui.grapheditor.model.DocumentEditor;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.Literals;
import io.tsstudio.ui.grapheditor.model.NnModules;
import io.tsstudio.ui.grapheditor.model.PortSpec;
import io.tsstudio.ui.grapheditor.model.Signatures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a module's {@code forward} IR into an editable document: each operator node becomes an operator block
 * (constant inputs become its settings), each submodule call a module block that keeps the submodule (code and
 * weights), graph inputs and outputs become input and output blocks. What has no block equivalent (control flow,
 * direct parameter reads, tensor constants) is listed in {@link Result#unmapped()} with its source line.
 *
 * <p>Given the previous document (code edited by hand and recompiled), blocks are matched by name so nn blocks keep
 * their settings, weights and positions and only what changed moves.
 */
public final class IrImport {
    private IrImport() {
    }

    /** The document, and what could not become blocks ("line 7: prim::If ..."). */
    public record Result(GraphDocument document, List<String> unmapped) {
        public Result {
            unmapped = List.copyOf(unmapped);
        }
    }

    public static Result fromModule(ScriptModule module, ModelWeights weights, GraphDocument previous) {
        IrGraph g = module.graph("forward");
        return new Builder(module, g, weights, previous).build();
    }

    private static final class Builder {
        private final ScriptModule module;
        private final IrGraph g;
        private final ModelWeights weights;
        private final GraphDocument previous;
        private final GraphDocument doc = new GraphDocument();
        private final DocumentEditor edit = new DocumentEditor(doc);
        private final Map<String, String[]> produced = new HashMap<>(); // value id -> {block id, port}
        private final Map<String, Object> constants = new HashMap<>();  // value id -> literal
        private final Map<String, String> modulePaths = new HashMap<>(); // value id -> submodule path
        private final List<String> unmapped = new ArrayList<>();
        private final Map<String, Block> previousByName = new LinkedHashMap<>();

        Builder(ScriptModule module, IrGraph g, ModelWeights weights, GraphDocument previous) {
            this.module = module;
            this.g = g;
            this.weights = weights;
            this.previous = previous;
            if (previous != null) {
                for (Block b : previous.blocks()) previousByName.put(b.name(), b);
                doc.reserveIds(previous.blocks().stream().map(Block::id).toList());
            }
            edit.setTitle(previous != null ? previous.title() : titleOf(g.owner()));
        }

        Result build() {
            List<IrValue> ins = g.inputs();
            for (int i = 1; i < ins.size(); i++) { // input 0 is self
                IrValue v = ins.get(i);
                String name = baseName(v.debugName(), "x");
                Block b = reuse(name, BlockKind.INPUT).orElseGet(() -> Blocks.input(doc, name, typeText(v.type()), 0, 0));
                b = new Block(b.id(), BlockKind.INPUT, TypeRef.parse(typeText(v.type())).toString(), doc.uniqueName(name), b.settings(), "", b.x(), b.y());
                edit.add(b);
                produced.put(v.id(), new String[] {b.id(), "value"});
            }
            if (!ins.isEmpty()) modulePaths.put(ins.get(0).id(), "");
            for (IrNode n : g.nodes()) node(n);
            outputs();
            boolean fresh = previous == null;
            // new blocks (all of them on a fresh import) get positions from ELK; matched ones stay where they were
            Map<String, double[]> pos = AutoLayout.positions(doc, Set.of());
            for (Block b : new ArrayList<>(doc.blocks())) {
                Block old = previousByName.get(b.name());
                if (fresh || old == null || old.kind() != b.kind()) edit.replace(b.at(pos.get(b.id())[0], pos.get(b.id())[1]));
            }
            return new Result(doc, unmapped);
        }

        private void node(IrNode n) {
            String kind = n.kind();
            switch (kind) {
                case "prim::Constant" -> {
                    if (n.outputs().size() == 1) {
                        Object v = n.attributes().get("value");
                        String type = g.value(n.outputs().get(0)).type();
                        if (v instanceof String s && type.contains("Tensor")) {
                            // tensor constants have no literal form in a block
                            constants.put(n.outputs().get(0), new Unmappable(where(n) + "a tensor constant " + s));
                        } else {
                            constants.put(n.outputs().get(0), v);
                        }
                    }
                }
                case "prim::ListConstruct" -> {
                    List<Object> items = new ArrayList<>();
                    for (String in : n.inputs()) {
                        if (!constants.containsKey(in) || constants.get(in) instanceof Unmappable) {
                            unmapped.add(where(n) + "a list built from computed values (" + kind + ") has no block; its user loses that input");
                            return;
                        }
                        items.add(constants.get(in));
                    }
                    constants.put(n.outputs().get(0), items);
                }
                case "prim::GetAttr" -> {
                    String base = modulePaths.get(n.inputs().get(0));
                    String attr = String.valueOf(n.attributes().get("name"));
                    String path = base == null ? null : base.isEmpty() ? attr : base + "." + attr;
                    if (path != null && g.value(n.outputs().get(0)).type().startsWith("__torch__")) modulePaths.put(n.outputs().get(0), path);
                    else unmapped.add(where(n) + "reads self." + (path == null ? attr : path) + " directly; only submodule calls become blocks");
                }
                case "prim::CallMethod" -> callMethod(n);
                case "prim::TupleConstruct" -> {
                    // a returned tuple is read by outputs(); any other tuple has no block
                    boolean returned = g.outputs().stream().anyMatch(v -> n.outputs().contains(v.id()));
                    if (!returned) unmapped.add(where(n) + "a tuple built inside forward has no block equivalent");
                }
                default -> {
                    if (n.schema().isPresent() && n.blocks().isEmpty() && !n.namespace().equals("prim")) operator(n);
                    else unmapped.add(where(n) + kind + " has no block equivalent" + (n.blocks().isEmpty() ? "" : " (control flow)"));
                }
            }
        }

        private void callMethod(IrNode n) {
            String path = modulePaths.get(n.inputs().get(0));
            String method = String.valueOf(n.attributes().get("name"));
            if (path == null || path.isEmpty() || !method.equals("forward")) {
                unmapped.add(where(n) + "call of " + (path == null || path.isEmpty() ? "self" : path) + "." + method + " has no block equivalent");
                return;
            }
            String name = GraphDocument.isIdentifier(path.replace('.', '_')) ? path.replace('.', '_') : "m_" + path.replace('.', '_');
            Optional<Block> old = reuse(name, BlockKind.MODULE);
            Block b;
            if (old.isPresent() && NnModules.find(old.get().type()).isPresent()) {
                b = old.get();
            } else {
                ScriptModule sub = module.submodule(path);
                String type = sub.className(); // qualified, so it never collides with an nn block type
                StringBuilder schema = new StringBuilder("forward(");
                var args = sub.method("forward").arguments();
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) schema.append(", ");
                    schema.append(typeText(args.get(i).type())).append(' ').append(args.get(i).name());
                }
                schema.append(") -> ").append(typeText(sub.method("forward").returnType()));
                String id = old.map(Block::id).orElseGet(doc::newId);
                b = new Block(id, BlockKind.MODULE, type, name, Map.of(), schema.toString(), old.map(Block::x).orElse(0.0), old.map(Block::y).orElse(0.0));
                weights.keep(id, sub);
            }
            edit.add(b);
            List<PortSpec> ports = Signatures.of(b).inputs();
            for (int i = 1; i < n.inputs().size() && i - 1 < ports.size(); i++) connect(n, n.inputs().get(i), b, ports.get(i - 1).name());
            List<PortSpec> outs = Signatures.of(b).outputs();
            for (int i = 0; i < n.outputs().size() && i < outs.size(); i++) produced.put(n.outputs().get(i), new String[] {b.id(), outs.get(i).name()});
        }

        private void operator(IrNode n) {
            ParsedSchema s;
            try {
                s = Signatures.schema(n.schema().get());
            } catch (IllegalArgumentException e) {
                unmapped.add(where(n) + n.kind() + ": " + e.getMessage());
                return;
            }
            String name = n.outputs().isEmpty() ? s.shortName() : baseName(g.value(n.outputs().get(0)).debugName(), s.shortName());
            Optional<Block> old = reuse(name, BlockKind.OPERATOR).filter(o -> o.schema().equals(s.text()));
            Block fresh = Blocks.operator(doc, s.text(), 0, 0);
            Block b = new Block(old.map(Block::id).orElse(fresh.id()), BlockKind.OPERATOR, fresh.type(), doc.uniqueName(name), Map.of(), s.text(),
                    old.map(Block::x).orElse(0.0), old.map(Block::y).orElse(0.0));
            edit.add(b);
            List<PortSpec> ports = Signatures.of(b).inputs();
            for (int i = 0; i < n.inputs().size() && i < ports.size(); i++) {
                String in = n.inputs().get(i);
                PortSpec p = ports.get(i);
                if (constants.containsKey(in)) {
                    Object v = constants.get(in);
                    if (v instanceof Unmappable u) {
                        unmapped.add(u.what() + ", used as '" + p.name() + "' of " + b.name());
                        continue;
                    }
                    if (isDefault(p, v)) continue;
                    edit.replace(doc.block(b.id()).withSetting(p.name(), v));
                } else {
                    connect(n, in, b, p.name());
                }
            }
            List<PortSpec> outs = Signatures.of(b).outputs();
            for (int i = 0; i < n.outputs().size() && i < outs.size(); i++) produced.put(n.outputs().get(i), new String[] {b.id(), outs.get(i).name()});
        }

        private void outputs() {
            List<String> values = new ArrayList<>();
            for (IrValue v : g.outputs()) {
                Optional<IrNode> p = v.producer().flatMap(id -> IrGraphs.node(g, id));
                // a returned tuple becomes one output block per element
                if (p.isPresent() && p.get().kind().equals("prim::TupleConstruct")) values.addAll(p.get().inputs());
                else values.add(v.id());
            }
            List<Block> oldOutputs = previous == null ? List.of() : previous.blocksOf(BlockKind.OUTPUT);
            for (int i = 0; i < values.size(); i++) {
                Block b;
                if (i < oldOutputs.size()) b = oldOutputs.get(i);
                else b = Blocks.output(doc, values.size() == 1 ? "out" : "out" + i, 0, 0);
                b = b.withName(doc.uniqueName(b.name()));
                edit.add(b);
                String[] src = produced.get(values.get(i));
                if (src != null) edit.connect(new Connection(src[0], src[1], b.id(), "value"));
                else if (constants.containsKey(values.get(i))) unmapped.add("output " + i + " returns a constant; it has no block");
            }
        }

        private void connect(IrNode n, String value, Block to, String port) {
            String[] src = produced.get(value);
            if (src == null) {
                unmapped.add(where(n) + "input '" + port + "' of " + to.name() + " comes from something without a block");
                return;
            }
            Connection c = new Connection(src[0], src[1], to.id(), port);
            Optional<String> why = ConnectionRules.refusal(doc, c);
            if (why.isPresent()) unmapped.add(where(n) + why.get());
            else edit.connect(c);
        }

        private Optional<Block> reuse(String name, BlockKind kind) {
            Block b = previousByName.get(name);
            if (b == null || b.kind() != kind || doc.find(b.id()).isPresent()) return Optional.empty();
            return Optional.of(b);
        }

        private String where(IrNode n) {
            return n.sourceRange().map(r -> "line " + r.startLine() + ": ").orElse("");
        }

        private static boolean isDefault(PortSpec p, Object v) {
            if (p.defaultValue().isEmpty()) return false;
            try {
                Object d = Literals.parse(p.defaultValue().get(), p.type());
                return Literals.render(d).equals(Literals.render(v));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    private record Unmappable(String what) {
    }

    /** {@code x.1} -> {@code x}; falls back when the debug name is empty or numeric. */
    static String baseName(String debugName, String fallback) {
        String n = debugName == null ? "" : debugName.replaceAll("\\.\\d+$", "");
        return n.isEmpty() || !Character.isLetter(n.charAt(0)) && n.charAt(0) != '_' ? fallback : n.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** IR type text to an annotation: {@code Float(2, 3, strides=...)} is a Tensor. */
    static String typeText(String t) {
        if (t == null || t.isEmpty()) return "Any";
        if (t.startsWith("Float(") || t.startsWith("Double(") || t.startsWith("Long(") || t.startsWith("Int(") || t.startsWith("Bool(")
                || t.matches("[A-Z][a-z]*\\(.*")) return "Tensor";
        try {
            return TypeRef.parse(t).toString();
        } catch (IllegalArgumentException e) {
            return "Any";
        }
    }

    private static String titleOf(String owner) {
        String s = owner == null ? "model" : owner.substring(owner.lastIndexOf('.') + 1);
        return s.matches("[A-Za-z_][A-Za-z0-9_]*") ? s : "model";
    }
}
