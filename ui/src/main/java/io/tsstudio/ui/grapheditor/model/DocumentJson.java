package io.tsstudio.ui.grapheditor.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The visual document as JSON, the form stored inside a saved {@code .pt} ({@link #ARCHIVE_ENTRY}). Integers stay
 * integers and floats stay floats, so a document read back equals the one written.
 */
public final class DocumentJson {
    /** The extra file name inside the TorchScript archive. */
    public static final String ARCHIVE_ENTRY = "tsstudio_graph.json";
    public static final String FORMAT = "tsstudio-graph";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DocumentJson() {
    }

    public static String write(GraphDocument doc) {
        return write(doc.title(), doc.blocks(), doc.connections());
    }

    /**
     * The same JSON from a copy of a document's parts (blocks and connections are immutable), so it can be written on
     * another thread while the document goes on changing (the studio's autosave).
     */
    public static String write(String title, java.util.Collection<Block> blockList, List<Connection> connectionList) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("title", title);
        ArrayNode blocks = root.putArray("blocks");
        for (Block b : blockList) {
            ObjectNode o = blocks.addObject();
            o.put("id", b.id());
            o.put("kind", b.kind().name());
            o.put("type", b.type());
            o.put("name", b.name());
            if (!b.schema().isEmpty()) o.put("schema", b.schema());
            o.put("x", b.x());
            o.put("y", b.y());
            ObjectNode settings = o.putObject("settings");
            for (var e : b.settings().entrySet()) settings.set(e.getKey(), toJson(e.getValue()));
        }
        ArrayNode conns = root.putArray("connections");
        for (Connection c : connectionList) {
            ObjectNode o = conns.addObject();
            o.put("from", c.fromBlock());
            o.put("fromPort", c.fromPort());
            o.put("to", c.toBlock());
            o.put("toPort", c.toPort());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the graph document as JSON", e);
        }
    }

    /** Reads a document; throws IllegalArgumentException saying which part is wrong. */
    public static GraphDocument read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the graph document is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a TorchScript Studio graph document (format is not '" + FORMAT + "')");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) throw new IllegalArgumentException("graph document version " + version + " is not supported (expected " + VERSION + ")");
        GraphDocument doc = new GraphDocument();
        doc.setTitle(root.path("title").asText("model"));
        int i = 0;
        for (JsonNode o : root.path("blocks")) {
            i++;
            try {
                Map<String, Object> settings = new LinkedHashMap<>();
                o.path("settings").properties().forEach(e -> settings.put(e.getKey(), fromJson(e.getValue())));
                Block b = new Block(required(o, "id"), BlockKind.valueOf(required(o, "kind")), required(o, "type"), required(o, "name"),
                        settings, o.path("schema").asText(""), o.path("x").asDouble(), o.path("y").asDouble());
                Signatures.of(b);
                doc.putBlock(b);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("block " + i + " of the graph document: " + e.getMessage(), e);
            }
        }
        for (JsonNode o : root.path("connections")) {
            Connection c = new Connection(required(o, "from"), required(o, "fromPort"), required(o, "to"), required(o, "toPort"));
            var why = ConnectionRules.refusal(doc, c);
            if (why.isPresent()) throw new IllegalArgumentException("connection " + c + " of the graph document: " + why.get());
            doc.addConnection(c);
        }
        return doc;
    }

    private static String required(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("field '" + field + "' is missing");
        return v.asText();
    }

    private static JsonNode toJson(Object v) {
        if (v == null) return MAPPER.nullNode();
        if (v instanceof Boolean b) return MAPPER.getNodeFactory().booleanNode(b);
        if (v instanceof Double || v instanceof Float) return MAPPER.getNodeFactory().numberNode(((Number) v).doubleValue());
        if (v instanceof Number n) return MAPPER.getNodeFactory().numberNode(n.longValue());
        if (v instanceof String s) return MAPPER.getNodeFactory().textNode(s);
        if (v instanceof List<?> l) {
            ArrayNode a = MAPPER.createArrayNode();
            for (Object x : l) a.add(toJson(x));
            return a;
        }
        throw new IllegalArgumentException("cannot store a setting of type " + v.getClass().getSimpleName());
    }

    private static Object fromJson(JsonNode n) {
        if (n.isNull()) return null;
        if (n.isBoolean()) return n.booleanValue();
        if (n.isIntegralNumber()) return n.longValue();
        if (n.isNumber()) return n.doubleValue();
        if (n.isTextual()) return n.textValue();
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonNode x : n) l.add(fromJson(x));
            return l;
        }
        throw new IllegalArgumentException("unsupported setting value " + n);
    }
}
