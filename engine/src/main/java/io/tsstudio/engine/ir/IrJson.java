package io.tsstudio.engine.ir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The IR as JSON: {@code {"owner", "method", "schema", "inputs": [ids], "outputs": [ids], "values": [..], "nodes": [..]}}.
 * Values are listed once, in id order; nodes refer to them by id and nest their blocks.
 */
public final class IrJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IrJson() {
    }

    /** Pretty-printed JSON text. */
    public static String write(IrGraph graph) {
        try {
            return MAPPER.writeValueAsString(toTree(graph));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("IR could not be written as JSON", e);
        }
    }

    public static ObjectNode toTree(IrGraph graph) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("owner", graph.owner());
        root.put("method", graph.method());
        root.put("schema", graph.schema());
        root.set("inputs", ids(graph.inputs().stream().map(IrValue::id).toList()));
        root.set("outputs", ids(graph.outputs().stream().map(IrValue::id).toList()));
        ArrayNode values = root.putArray("values");
        List<IrValue> sorted = new ArrayList<>(graph.values().values());
        sorted.sort(Comparator.comparing(IrValue::id, IrJson::compareIds));
        for (IrValue v : sorted) values.add(value(v));
        root.set("nodes", nodes(graph.nodes()));
        return root;
    }

    private static ObjectNode value(IrValue v) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", v.id());
        o.put("name", v.debugName());
        o.put("type", v.type());
        v.producer().ifPresent(p -> o.put("producer", p));
        o.set("users", ids(v.users()));
        return o;
    }

    private static ArrayNode nodes(List<IrNode> nodes) {
        ArrayNode out = MAPPER.createArrayNode();
        for (IrNode n : nodes) out.add(node(n));
        return out;
    }

    private static ObjectNode node(IrNode n) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", n.id());
        o.put("kind", n.kind());
        o.set("inputs", ids(n.inputs()));
        o.set("outputs", ids(n.outputs()));
        ObjectNode attrs = o.putObject("attributes");
        for (Map.Entry<String, Object> a : n.attributes().entrySet()) attrs.set(a.getKey(), MAPPER.valueToTree(a.getValue()));
        if (!n.blocks().isEmpty()) {
            ArrayNode blocks = o.putArray("blocks");
            for (IrBlock b : n.blocks()) {
                ObjectNode bo = blocks.addObject();
                bo.set("inputs", ids(b.inputs()));
                bo.set("nodes", nodes(b.nodes()));
                bo.set("outputs", ids(b.outputs()));
            }
        }
        n.sourceRange().ifPresent(r -> {
            ObjectNode s = o.putObject("source");
            s.put("file", r.file());
            s.put("line", r.startLine());
            s.put("column", r.startColumn());
            s.put("end_line", r.endLine());
            s.put("end_column", r.endColumn());
        });
        if (!n.scope().isEmpty()) o.put("scope", n.scope());
        n.schema().ifPresent(s -> o.put("schema", s));
        n.call().ifPresent(c -> {
            ObjectNode co = o.putObject("call");
            co.put("path", c.submodulePath());
            co.put("class", c.className());
            co.put("method", c.method());
        });
        return o;
    }

    private static JsonNode ids(List<String> ids) {
        ArrayNode a = MAPPER.createArrayNode();
        ids.forEach(a::add);
        return a;
    }

    /** Orders {@code v2} before {@code v10}: by prefix, then by the trailing number. */
    static int compareIds(String a, String b) {
        int ia = digitsStart(a);
        int ib = digitsStart(b);
        int c = a.substring(0, ia).compareTo(b.substring(0, ib));
        if (c != 0) return c;
        if (ia == a.length() || ib == b.length()) return a.compareTo(b);
        c = Integer.compare(a.length() - ia, b.length() - ib);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int digitsStart(String s) {
        int i = s.length();
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) i--;
        return i;
    }
}
