package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;
import io.tsstudio.engine.types.ParsedSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a document into readable TorchScript: one statement per block in dependency order, named after the block,
 * constants inlined as literals, submodules called as {@code self.name.forward(...)} (the form the C++ compiler accepts).
 */
public final class ScriptGenerator {
    private ScriptGenerator() {
    }

    /** Throws {@link IncompleteGraphException} listing every block issue when the graph cannot become code. */
    public static GeneratedScript generate(GraphDocument doc) {
        List<String> issues = BlockIssues.all(doc);
        if (!issues.isEmpty()) throw new IncompleteGraphException(issues);
        List<Block> order = doc.topologicalOrder();
        Map<String, String> exprs = new HashMap<>(); // "blockId.port" -> expression
        Map<String, TypeRef> types = new HashMap<>();
        List<String> body = new ArrayList<>();
        List<String> bodyBlocks = new ArrayList<>();
        List<String> params = new ArrayList<>();
        List<GeneratedScript.Submodule> subs = new ArrayList<>();
        List<String> header = new ArrayList<>();
        List<String> returns = new ArrayList<>();

        for (Block b : order) {
            BlockSignature sig = Signatures.of(b);
            switch (b.kind()) {
                case INPUT -> {
                    params.add(b.name() + ": " + b.type());
                    exprs.put(b.id() + ".value", b.name());
                    types.put(b.id() + ".value", TypeRef.parse(b.type()));
                }
                case CONSTANT -> {
                    exprs.put(b.id() + ".value", Literals.render(b.setting("value")));
                    types.put(b.id() + ".value", TypeRef.parse(b.type()));
                }
                case OUTPUT -> returns.add(argument(doc, b, "value", TypeRef.ANY, exprs, types));
                case MODULE -> {
                    List<String> args = new ArrayList<>();
                    for (PortSpec p : sig.inputs()) {
                        if (doc.inputConnection(b.id(), p.name()).isPresent()) args.add(argument(doc, b, p.name(), p.type(), exprs, types));
                    }
                    Optional<NnModuleSpec> spec = NnModules.find(b.type());
                    subs.add(new GeneratedScript.Submodule(b.id(), b.name(), b.type(), spec.map(s -> s.forwardSource(b.settings())).orElse(""),
                            spec.map(s -> s.parameters(b.settings())).orElse(List.of())));
                    header.add("#   " + b.name() + ": " + b.type() + "(" + settingsText(b) + ")");
                    assign(b, sig, "self." + b.name() + ".forward(" + String.join(", ", args) + ")", exprs, types, body, bodyBlocks);
                }
                case OPERATOR -> assign(b, sig, operatorCall(doc, b, sig, exprs, types), exprs, types, body, bodyBlocks);
            }
        }

        StringBuilder src = new StringBuilder();
        Map<Integer, String> lineToBlock = new LinkedHashMap<>();
        src.append("# ").append(doc.title()).append(": TorchScript generated from the graph editor.\n");
        int line = 2;
        if (!header.isEmpty()) {
            src.append("# Submodules (registered with their parameters):\n");
            line++;
            for (String h : header) {
                src.append(h).append('\n');
                line++;
            }
        }
        src.append("def forward(self").append(params.isEmpty() ? "" : ", " + String.join(", ", params)).append("):\n");
        line++;
        for (int i = 0; i < body.size(); i++) {
            src.append("    ").append(body.get(i)).append('\n');
            lineToBlock.put(line++, bodyBlocks.get(i));
        }
        if (returns.size() == 1) src.append("    return ").append(returns.get(0)).append('\n');
        else src.append("    return (").append(String.join(", ", returns)).append(")\n");
        for (Block o : doc.blocksOf(BlockKind.OUTPUT)) lineToBlock.putIfAbsent(line, o.id());
        return new GeneratedScript(doc.title(), src.toString(), subs, lineToBlock);
    }

    static String settingsText(Block b) {
        List<String> parts = new ArrayList<>();
        for (var e : b.settings().entrySet()) parts.add(e.getKey() + "=" + Literals.render(e.getValue()));
        return String.join(", ", parts);
    }

    private static void assign(Block b, BlockSignature sig, String call, Map<String, String> exprs, Map<String, TypeRef> types,
                               List<String> body, List<String> bodyBlocks) {
        List<PortSpec> outs = sig.outputs();
        if (outs.isEmpty()) {
            body.add(call);
        } else if (outs.size() == 1) {
            body.add(b.name() + " = " + call);
            exprs.put(b.id() + "." + outs.get(0).name(), b.name());
            types.put(b.id() + "." + outs.get(0).name(), outs.get(0).type());
        } else {
            List<String> names = new ArrayList<>();
            for (PortSpec o : outs) {
                String v = b.name() + "_" + o.name();
                names.add(v);
                exprs.put(b.id() + "." + o.name(), v);
                types.put(b.id() + "." + o.name(), o.type());
            }
            body.add(String.join(", ", names) + " = " + call);
        }
        bodyBlocks.add(b.id());
    }

    private static String argument(GraphDocument doc, Block b, String port, TypeRef want, Map<String, String> exprs, Map<String, TypeRef> types) {
        Connection c = doc.inputConnection(b.id(), port).orElseThrow();
        String key = c.fromBlock() + "." + c.fromPort();
        String e = exprs.get(key);
        TypeRef got = types.get(key);
        // int flows into float ports; an explicit conversion keeps overload resolution unambiguous
        if (got != null && got.equals(TypeRef.INT) && (want.equals(TypeRef.FLOAT) || want.equals(TypeRef.optional(TypeRef.FLOAT)))) {
            return "float(" + e + ")";
        }
        return e;
    }

    private static String operatorCall(GraphDocument doc, Block b, BlockSignature sig, Map<String, String> exprs, Map<String, TypeRef> types) {
        ParsedSchema s = Signatures.schema(b.schema());
        List<String> args = new ArrayList<>();
        boolean keywords = false;
        for (PortSpec p : sig.inputs()) {
            String value;
            if (doc.inputConnection(b.id(), p.name()).isPresent()) value = argument(doc, b, p.name(), p.type(), exprs, types);
            else if (b.settings().containsKey(p.name())) value = literalFor(b.setting(p.name()), p.type());
            else {
                keywords = true; // a skipped default: later arguments must be named
                continue;
            }
            args.add(keywords || p.kwargOnly() ? p.name() + "=" + value : value);
        }
        return callee(s) + "(" + String.join(", ", args) + ")";
    }

    private static String literalFor(Object v, TypeRef type) {
        TypeRef t = type.isOptional() ? type.element() : type;
        if (v instanceof Number n && t.equals(TypeRef.FLOAT)) return Literals.render(n.doubleValue());
        return Literals.render(v);
    }

    /** {@code torch.relu} for aten operators (the compiler resolves {@code torch.*} to aten), {@code ops.ns.name} otherwise. */
    public static String callee(ParsedSchema s) {
        if (s.namespace().equals("aten")) return "torch." + s.shortName();
        return "ops." + s.namespace() + "." + s.shortName();
    }
}
