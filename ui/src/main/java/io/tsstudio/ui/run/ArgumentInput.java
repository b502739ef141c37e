package io.tsstudio.ui.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.run.InputProposal;
import io.tsstudio.engine.run.ProposedInput;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The input editor's model of one method argument: which widget its declared type gets, what the user entered,
 * whether that is valid, and the JSON it becomes (the encoding {@code tsstudio run --arg} takes).
 */
public final class ArgumentInput {
    /** The widget an argument gets, from its TorchScript type. */
    public enum Kind { TENSOR, INT, FLOAT, BOOL, STR, JSON }

    /** How a tensor argument is filled. */
    public enum Fill {
        ZEROS, ONES, RAND, RANDN, ARANGE, FILE;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The source of a value brought back from the last run of the same model. */
    public static final String LAST_INPUTS = "your last inputs for this model";

    private final String name;
    private final String type;
    private final Kind kind;
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty bool = new SimpleBooleanProperty();
    private final StringProperty shape = new SimpleStringProperty("");
    private final ObjectProperty<DType> dtype = new SimpleObjectProperty<>(DType.FLOAT32);
    private final ObjectProperty<Fill> fill = new SimpleObjectProperty<>(Fill.ONES);
    private final StringProperty file = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private boolean applying;

    public ArgumentInput(ArgumentInfo info) {
        this.name = info.name();
        this.type = info.type();
        this.kind = kindOf(type);
        info.defaultValue().ifPresent(this::applyDefault);
        if (info.defaultValue().isPresent()) source.set("declared default");
        if (kind == Kind.TENSOR) shape.set("1");
        for (var p : new javafx.beans.Observable[] {text, bool, shape, dtype, fill, file}) {
            p.addListener(o -> validate());
            // an edit makes the value the user's own: the old source no longer says where it came from
            p.addListener(o -> {
                if (!applying) source.set("");
            });
        }
        validate();
    }

    static Kind kindOf(String type) {
        return switch (type.trim()) {
            case "Tensor" -> Kind.TENSOR;
            case "int", "SymInt" -> Kind.INT;
            case "float" -> Kind.FLOAT;
            case "bool" -> Kind.BOOL;
            case "str" -> Kind.STR;
            default -> Kind.JSON;
        };
    }

    private void applyDefault(String source) {
        String s = source.trim();
        switch (kind) {
            case BOOL -> bool.set(s.equals("True"));
            case STR -> text.set(s.length() >= 2 && (s.startsWith("'") || s.startsWith("\"")) ? s.substring(1, s.length() - 1) : s);
            case INT, FLOAT -> text.set(s);
            case JSON -> text.set(pythonToJson(s));
            case TENSOR -> { }
        }
    }

    /** Default values arrive as Python source ({@code None}, {@code True}, {@code [1, 2]}, {@code 'a'}). */
    static String pythonToJson(String s) {
        return InputProposal.pythonToJson(s);
    }

    /** Where the current value came from, in words ("your last inputs", what the model says, ...); empty when unknown. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /**
     * Takes a value the engine proposed ({@link InputProposal}) and says where it came from. A proposal this editor
     * cannot show (a tensor given by values) is ignored.
     */
    public void apply(ProposedInput p) {
        applying = true;
        try {
            applyValue(p);
        } finally {
            applying = false;
        }
    }

    private void applyValue(ProposedInput p) {
        JsonNode node;
        try {
            node = JSON.readTree(p.json());
        } catch (JsonProcessingException e) {
            return;
        }
        switch (kind) {
            case TENSOR -> {
                JsonNode spec = node.path("tensor");
                if (!spec.isObject() || !spec.path("shape").isArray()) return;
                List<String> dims = new ArrayList<>();
                spec.path("shape").forEach(d -> dims.add(d.asText()));
                try {
                    DType d = DType.parse(node.path("dtype").asText("float32"));
                    Fill f = Fill.valueOf(spec.path("fill").asText("ones").toUpperCase(Locale.ROOT));
                    dtype.set(d);
                    fill.set(f);
                } catch (IllegalArgumentException e) {
                    return;
                }
                shape.set(String.join(", ", dims));
            }
            case BOOL -> bool.set(node.asBoolean());
            case STR -> text.set(node.isTextual() ? node.asText() : node.toString());
            case INT, FLOAT -> text.set(node.asText());
            case JSON -> text.set(node.toString());
        }
        source.set(p.source());
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public Kind kind() {
        return kind;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty boolProperty() {
        return bool;
    }

    public StringProperty shapeProperty() {
        return shape;
    }

    public ObjectProperty<DType> dtypeProperty() {
        return dtype;
    }

    public ObjectProperty<Fill> fillProperty() {
        return fill;
    }

    public StringProperty fileProperty() {
        return file;
    }

    /** What is wrong with the input, in words, or null when it is valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isValid() {
        return error.get() == null;
    }

    private void validate() {
        try {
            toJson();
            error.set(null);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /** The argument as JSON text; an {@link IllegalArgumentException} names the argument and what is wrong. */
    public String toJson() {
        return switch (kind) {
            case TENSOR -> tensorJson().toString();
            case BOOL -> Boolean.toString(bool.get());
            case INT -> {
                if (text.get().isBlank()) throw bad("needs an int");
                try {
                    yield Long.toString(Long.parseLong(text.get().trim()));
                } catch (NumberFormatException e) {
                    throw bad("expects an int, got '" + text.get() + "'");
                }
            }
            case FLOAT -> {
                if (text.get().isBlank()) throw bad("needs a float");
                try {
                    double d = Double.parseDouble(text.get().trim());
                    if (!Double.isFinite(d)) throw bad("expects a finite float, got '" + text.get() + "'");
                    yield Double.toString(d);
                } catch (NumberFormatException e) {
                    throw bad("expects a float, got '" + text.get() + "'");
                }
            }
            case STR -> JSON.getNodeFactory().textNode(text.get()).toString();
            case JSON -> checkedJson();
        };
    }

    /**
     * The codec's tensor spelling: {@code {"tensor": {"shape": [3, 4], "fill": "randn"}, "dtype": "float32"}};
     * a tensor from a file is {@code {"file": "/path/x.npy"}}, which the run session reads before the codec.
     */
    private ObjectNode tensorJson() {
        ObjectNode t = JSON.createObjectNode();
        if (fill.get() == Fill.FILE) {
            if (file.get().isBlank()) throw bad("needs a .pt or .npy file to read the tensor from");
            return t.put("file", file.get().trim());
        }
        ObjectNode spec = t.putObject("tensor");
        ArrayNode dims = spec.putArray("shape");
        String s = shape.get().trim();
        if (!s.isEmpty()) {
            for (String part : s.replace("[", "").replace("]", "").replace("(", "").replace(")", "").split("[,x×\\s]+")) {
                if (part.isEmpty()) continue;
                try {
                    long d = Long.parseLong(part);
                    if (d < 0) throw bad("has a negative dimension in shape '" + s + "'");
                    dims.add(d);
                } catch (NumberFormatException e) {
                    throw bad("has a shape that is not a list of sizes: '" + s + "' (write it like 3, 4)");
                }
            }
        }
        if (fill.get() == Fill.RANDN && !dtype.get().isFloatingPoint()) throw bad("randn needs a floating-point dtype, not " + dtype.get());
        if (fill.get() == Fill.RAND && !dtype.get().isFloatingPoint()) throw bad("rand needs a floating-point dtype, not " + dtype.get());
        spec.put("fill", fill.get().jsonName());
        return t.put("dtype", dtype.get().jsonName());
    }

    /** JSON inputs (List, Tuple, Dict, Optional, ...) must parse and have the outer shape their type asks for. */
    private String checkedJson() {
        JsonNode node;
        try {
            node = JSON.readTree(text.get().isBlank() ? "" : text.get());
        } catch (JsonProcessingException e) {
            throw bad("is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) throw bad("needs a value of type " + type + " as JSON");
        String t = type.trim();
        boolean optional = t.startsWith("Optional[");
        if (optional) t = t.substring("Optional[".length(), t.length() - 1).trim();
        if (node.isNull()) {
            if (optional || t.equals("NoneType") || t.equals("Any")) return "null";
            throw bad("cannot be None: its type is " + type);
        }
        if ((t.startsWith("List[") || t.startsWith("Tuple[")) && !node.isArray()) throw bad("expects a JSON array for " + type);
        if (t.startsWith("Dict[") && !node.isObject()) throw bad("expects a JSON object for " + type);
        return node.toString();
    }

    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("argument '" + name + "' " + what);
    }

    /** What is worth remembering for the next session, as plain strings. */
    public Map<String, String> save() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("text", text.get());
        m.put("bool", Boolean.toString(bool.get()));
        m.put("shape", shape.get());
        m.put("dtype", dtype.get().jsonName());
        m.put("fill", fill.get().name());
        m.put("file", file.get());
        return m;
    }

    /** Restores what {@link #save()} gave, if it was saved for the same type; ignores what no longer parses. */
    public void restore(Map<String, String> m) {
        if (!type.equals(m.get("type"))) return;
        applying = true;
        try {
            restoreValues(m);
        } finally {
            applying = false;
        }
        source.set(LAST_INPUTS);
    }

    private void restoreValues(Map<String, String> m) {
        if (m.containsKey("text")) text.set(m.get("text"));
        if (m.containsKey("bool")) bool.set(Boolean.parseBoolean(m.get("bool")));
        if (m.containsKey("shape")) shape.set(m.get("shape"));
        if (m.containsKey("file")) file.set(m.get("file"));
        try {
            if (m.containsKey("dtype")) dtype.set(DType.parse(m.get("dtype")));
            if (m.containsKey("fill")) fill.set(Fill.valueOf(m.get("fill")));
        } catch (IllegalArgumentException ignored) {
            // a remembered value from another version: keep the default
        }
    }
}
