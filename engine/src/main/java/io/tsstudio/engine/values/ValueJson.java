package io.tsstudio.engine.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.JitObject;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java values of TorchScript calls to and from JSON, exactly as the command line's contract states (README, issue 2).
 * <p>
 * In: {@link #read} turns one JSON argument into a Java value ({@link Tensor}, Boolean, Long, Double, String, null,
 * List, LinkedHashMap, {@link JitTuple}) guided by the parameter's declared type: an array becomes a List or a Tuple
 * as the type says, an object a Dict or a NamedTuple. Tensors are {@code {"tensor": NESTED_ARRAY, "dtype": "float32"}}
 * or {@code {"tensor": {"shape": [2, 3], "fill": "zeros|ones|rand|randn|arange"}, "dtype": ...}} or
 * {@code {"tensor": {"file": "x.npy"}}} (a NumPy file, or a {@code .pt} of one tensor from {@code torch.save}); explicit
 * {@code {"tuple": [...]}} and {@code {"dict": [[key, value], ...]}} settle ambiguous places. Tensors made here belong
 * to the caller ({@link #closeTensors}).
 * <p>
 * Out: {@link #write} gives tensors as {@code {"tensor": {"dtype", "shape", "device", "values", "min", "max", "mean"}}}
 * (values only up to {@value #MAX_VALUES} elements), tuples as {@code {"tuple": [...], "names": [...]}}, dicts as
 * {@code {"dict": [[k, v], ...]}} and class objects as {@code {"object": {"class", "attributes"}}}.
 */
public final class ValueJson {
    /** Tensors with more elements than this are written without their values. */
    public static final int MAX_VALUES = 10_000;
    private static final int MAX_DEPTH = 64;
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ValueJson() {
    }

    // ---------------------------------------------------------------- in

    /**
     * Reads JSON text as the value of {@code argument} (how messages name it, e.g. {@code argument 'x'}) whose declared TorchScript type is {@code typeText}
     * (any spelling {@link JsonType} reads; empty or null means "infer from the JSON"). Tensor files
     * ({@code {"tensor": {"file": "x.npy"}}}) with a relative path are read from the working directory.
     */
    public static Object read(String jsonText, String typeText, String argument, Device device) {
        return read(jsonText, typeText, argument, device, null);
    }

    /**
     * As {@link #read(String, String, String, Device)}, with relative tensor-file paths resolved against
     * {@code baseDir} (the folder of the JSON file the text came from; null: the working directory).
     */
    public static Object read(String jsonText, String typeText, String argument, Device device, Path baseDir) {
        JsonNode json;
        try {
            json = MAPPER.readTree(jsonText);
        } catch (JsonProcessingException e) {
            throw new ValueJsonException(argument + ": not valid JSON (" + e.getOriginalMessage() + "): " + abbreviate(jsonText));
        }
        if (json == null || json.isMissingNode()) throw new ValueJsonException(argument + ": no JSON value given");
        return read(json, typeText == null || typeText.isBlank() ? JsonType.ANY : parseType(typeText, argument), argument, device, baseDir);
    }

    /** Reads a parsed JSON value as argument {@code argument} of declared type {@code type}. */
    public static Object read(JsonNode json, JsonType type, String argument, Device device) {
        return read(json, type, argument, device, null);
    }

    /** As {@link #read(JsonNode, JsonType, String, Device)}, with relative tensor-file paths resolved against {@code baseDir}. */
    public static Object read(JsonNode json, JsonType type, String argument, Device device, Path baseDir) {
        List<Tensor> made = new ArrayList<>();
        try {
            return new Reader(device, baseDir, made).read(json, type, argument, 0);
        } catch (RuntimeException e) {
            made.forEach(Tensor::close); // nothing half-built leaks when one element is wrong
            throw e;
        }
    }

    private static JsonType parseType(String typeText, String argument) {
        try {
            return JsonType.parse(typeText);
        } catch (IllegalArgumentException e) {
            throw new ValueJsonException(argument + ": " + e.getMessage());
        }
    }

    /** Closes every tensor inside a value read by {@link #read} (or returned by a call). */
    public static void closeTensors(Object value) {
        if (value instanceof Tensor t) t.close();
        else if (value instanceof JitObject o) o.close();
        else if (value instanceof JitTuple t) t.values().forEach(ValueJson::closeTensors);
        else if (value instanceof List<?> l) l.forEach(ValueJson::closeTensors);
        else if (value instanceof Map<?, ?> m) {
            m.keySet().forEach(ValueJson::closeTensors);
            m.values().forEach(ValueJson::closeTensors);
        }
    }

    private static final class Reader {
        private final Device device;
        private final Path baseDir;
        private final List<Tensor> made;

        Reader(Device device, Path baseDir, List<Tensor> made) {
            this.device = device == null ? Device.CPU : device;
            this.baseDir = baseDir;
            this.made = made;
        }

        Object read(JsonNode json, JsonType type, String where, int depth) {
            if (depth > MAX_DEPTH) throw new ValueJsonException(where + ": nested deeper than " + MAX_DEPTH + " levels");
            switch (type.kind()) {
                case ANY:
                    return infer(json, where, depth);
                case OPTIONAL:
                    return json.isNull() ? null : read(json, type.element(0), where, depth + 1);
                case NONE:
                    if (json.isNull()) return null;
                    break;
                case TENSOR:
                    if (json.isObject() && json.has("tensor")) return tensor((ObjectNode) json, where);
                    throw mismatch(where, type, json, "write a tensor as {\"tensor\": [[1, 2], [3, 4]], \"dtype\": \"float32\"}, {\"tensor\": {\"shape\": [2, 3], \"fill\": \"randn\"}}"
                            + " or {\"tensor\": {\"file\": \"x.npy\"}}");
                case INT:
                    if (json.isIntegralNumber() && json.canConvertToLong()) return json.longValue();
                    if (json.isNumber() && json.doubleValue() == Math.rint(json.doubleValue()) && !json.isBigDecimal()
                            && Math.abs(json.doubleValue()) < 0x1p53) return (long) json.doubleValue();
                    break;
                case FLOAT:
                    if (json.isNumber()) return json.doubleValue();
                    if (json.isTextual() && isSpecialFloat(json.textValue())) return Double.parseDouble(json.textValue());
                    break;
                case NUMBER:
                    if (json.isIntegralNumber() && json.canConvertToLong()) return json.longValue();
                    if (json.isNumber()) return json.doubleValue();
                    break;
                case BOOL:
                    if (json.isBoolean()) return json.booleanValue();
                    break;
                case STR:
                    if (json.isTextual()) return json.textValue();
                    break;
                case DEVICE:
                    if (json.isTextual()) {
                        try {
                            return Device.parse(json.textValue());
                        } catch (IllegalArgumentException e) {
                            throw new ValueJsonException(where + ": " + e.getMessage());
                        }
                    }
                    break;
                case LIST:
                    if (json.isArray()) return list(json, type.element(0), where, depth);
                    break;
                case TUPLE:
                    if (json.isArray()) return tuple(json, type, where, depth);
                    if (isExplicit(json, "tuple")) return tuple(json.get("tuple"), type, where, depth);
                    break;
                case NAMED_TUPLE:
                case CLASS:
                    return namedTuple(json, type, where, depth);
                case DICT:
                    if (isExplicit(json, "dict")) return dictFromPairs(json.get("dict"), type.element(0), type.element(1), where, depth);
                    if (json.isObject() && !isSpecialObject(json)) return dictFromObject(json, type.element(0), type.element(1), where, depth);
                    break;
                case UNION: {
                    for (JsonType option : type.contained()) {
                        int before = made.size();
                        try {
                            return read(json, option, where, depth + 1);
                        } catch (ValueJsonException e) {
                            while (made.size() > before) made.remove(made.size() - 1).close();
                        }
                    }
                    break;
                }
                default:
                    break;
            }
            throw mismatch(where, type, json, null);
        }

        private Object infer(JsonNode json, String where, int depth) {
            if (json.isNull()) return null;
            if (json.isBoolean()) return json.booleanValue();
            if (json.isIntegralNumber() && json.canConvertToLong()) return json.longValue();
            if (json.isNumber()) return json.doubleValue();
            if (json.isTextual()) return json.textValue();
            if (json.isArray()) return list(json, JsonType.ANY, where, depth);
            if (json.has("tensor") && json.isObject()) return tensor((ObjectNode) json, where);
            if (isExplicit(json, "tuple")) return tuple(json.get("tuple"), JsonType.ANY, where, depth);
            if (isExplicit(json, "dict")) return dictFromPairs(json.get("dict"), JsonType.ANY, JsonType.ANY, where, depth);
            return dictFromObject(json, JsonType.parse("str"), JsonType.ANY, where, depth);
        }

        private List<Object> list(JsonNode array, JsonType element, String where, int depth) {
            List<Object> out = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) out.add(read(array.get(i), element, where + "[" + i + "]", depth + 1));
            return out;
        }

        private JitTuple tuple(JsonNode items, JsonType type, String where, int depth) {
            if (!items.isArray()) throw new ValueJsonException(where + ": \"tuple\" must hold an array, got " + describe(items));
            boolean typed = type.kind() == JsonType.Kind.TUPLE;
            if (typed && items.size() != type.contained().size()) {
                throw new ValueJsonException(where + ": expected " + type.text() + " with " + type.contained().size()
                        + " element" + (type.contained().size() == 1 ? "" : "s") + ", got " + items.size() + ": " + describe(items));
            }
            List<Object> values = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) values.add(read(items.get(i), typed ? type.element(i) : JsonType.ANY, where + "[" + i + "]", depth + 1));
            return new JitTuple(values, List.of());
        }

        /**
         * A NamedTuple from an object (fields by name), an array or {@code {"tuple": [...], "names": [...]}}. When the
         * type text is only a class name, the fields are taken as given and the engine checks them against the class.
         */
        private JitTuple namedTuple(JsonNode json, JsonType type, String where, int depth) {
            boolean known = type.kind() == JsonType.Kind.NAMED_TUPLE;
            List<String> fieldNames = known ? type.names() : new ArrayList<>();
            List<Object> values = new ArrayList<>();
            if (json.isObject() && !isSpecialObject(json)) {
                if (known) {
                    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                        String f = it.next();
                        if (!fieldNames.contains(f)) throw new ValueJsonException(where + ": " + type.text() + " has no field '" + f + "' (fields: " + String.join(", ", fieldNames) + ")");
                    }
                    for (int i = 0; i < fieldNames.size(); i++) {
                        JsonNode v = json.get(fieldNames.get(i));
                        if (v == null) throw new ValueJsonException(where + ": field '" + fieldNames.get(i) + "' of " + type.text() + " is missing");
                        values.add(read(v, type.element(i), where + "." + fieldNames.get(i), depth + 1));
                    }
                } else {
                    for (Map.Entry<String, JsonNode> e : json.properties()) {
                        fieldNames.add(e.getKey());
                        values.add(read(e.getValue(), JsonType.ANY, where + "." + e.getKey(), depth + 1));
                    }
                }
                return new JitTuple(values, fieldNames);
            }
            JsonNode items = json.isArray() ? json : isExplicit(json, "tuple") ? json.get("tuple") : null;
            if (items == null || !items.isArray()) {
                String hint = known ? "write it as an object {\"" + String.join("\": .., \"", fieldNames) + "\": ..} or an array" : null;
                throw mismatch(where, type, json, hint);
            }
            if (!known && json.has("names")) {
                for (JsonNode n : json.get("names")) fieldNames.add(n.asText());
            }
            if (known && items.size() != fieldNames.size()) {
                throw new ValueJsonException(where + ": expected " + type.text() + " with " + fieldNames.size() + " fields, got " + items.size() + ": " + describe(items));
            }
            for (int i = 0; i < items.size(); i++) values.add(read(items.get(i), known ? type.element(i) : JsonType.ANY, where + "[" + i + "]", depth + 1));
            if (!fieldNames.isEmpty() && fieldNames.size() != values.size()) {
                throw new ValueJsonException(where + ": " + fieldNames.size() + " names for " + values.size() + " tuple values");
            }
            return new JitTuple(values, fieldNames);
        }

        private Map<Object, Object> dictFromObject(JsonNode json, JsonType key, JsonType value, String where, int depth) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                out.put(key(e.getKey(), key, where), read(e.getValue(), value, where + "[\"" + e.getKey() + "\"]", depth + 1));
            }
            return out;
        }

        /** JSON object keys are strings: a Dict[int, V] reads them as numbers. */
        private Object key(String text, JsonType key, String where) {
            switch (key.kind()) {
                case INT:
                    try {
                        return Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        throw new ValueJsonException(where + ": key \"" + text + "\" is not an int, as " + key.text() + " keys must be");
                    }
                case FLOAT:
                    try {
                        return Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new ValueJsonException(where + ": key \"" + text + "\" is not a float");
                    }
                case STR:
                case ANY:
                    return text;
                default:
                    throw new ValueJsonException(where + ": keys of type " + key.text() + " cannot be written as a JSON object; use {\"dict\": [[key, value], ...]}");
            }
        }

        private Map<Object, Object> dictFromPairs(JsonNode pairs, JsonType key, JsonType value, String where, int depth) {
            if (!pairs.isArray()) throw new ValueJsonException(where + ": \"dict\" must hold an array of [key, value] pairs, got " + describe(pairs));
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < pairs.size(); i++) {
                JsonNode p = pairs.get(i);
                if (!p.isArray() || p.size() != 2) throw new ValueJsonException(where + ": \"dict\" entry " + i + " must be a [key, value] pair, got " + describe(p));
                Object k = read(p.get(0), key, where + " key " + i, depth + 1);
                out.put(k, read(p.get(1), value, where + "[" + describe(p.get(0)) + "]", depth + 1));
            }
            return out;
        }

        private Tensor tensor(ObjectNode json, String where) {
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("tensor") && !f.equals("dtype")) {
                    throw new ValueJsonException(where + ": unexpected key \"" + f + "\" in a tensor (only \"tensor\" and \"dtype\")");
                }
            }
            Tensor t;
            try {
                t = TensorJson.read(json.get("tensor"), json.has("dtype") ? json.get("dtype").asText() : null, device, baseDir);
            } catch (IllegalArgumentException e) {
                throw new ValueJsonException(where + ": " + e.getMessage());
            } catch (TorchException e) {
                throw new ValueJsonException(where + ": " + e.getMessage());
            }
            made.add(t);
            return t;
        }
    }

    private static boolean isExplicit(JsonNode json, String key) {
        return json.isObject() && json.has(key) && (json.size() == 1 || (key.equals("tuple") && json.size() == 2 && json.has("names")));
    }

    private static boolean isSpecialObject(JsonNode json) {
        return json.has("tensor") || isExplicit(json, "tuple") || isExplicit(json, "dict");
    }

    private static boolean isSpecialFloat(String s) {
        return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity");
    }

    private static ValueJsonException mismatch(String where, JsonType expected, JsonNode given, String hint) {
        return new ValueJsonException(where + ": expected " + expected.text() + ", got " + describe(given) + (hint == null ? "" : " (" + hint + ")"));
    }

    /** A short description of a JSON value for messages: {@code the array [1, 2]}, {@code the string "a"}. */
    static String describe(JsonNode json) {
        String kind;
        if (json.isNull()) return "null";
        if (json.isBoolean()) kind = "the bool";
        else if (json.isIntegralNumber()) kind = "the int";
        else if (json.isNumber()) kind = "the float";
        else if (json.isTextual()) kind = "the string";
        else if (json.isArray()) kind = "the array";
        else kind = "the object";
        return kind + " " + abbreviate(json.toString());
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    // ---------------------------------------------------------------- out

    /** The JSON form of a call's result (or of any value this codec knows). */
    public static JsonNode write(Object value) {
        return write(value, 0);
    }

    /** Pretty-printed JSON text of {@link #write}. */
    public static String writeText(Object value) {
        try {
            return PRETTY.writeValueAsString(write(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode write(Object value, int depth) {
        if (depth > MAX_DEPTH) return NODES.textNode("...");
        if (value == null) return NODES.nullNode();
        if (value instanceof Boolean b) return NODES.booleanNode(b);
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) return NODES.numberNode(((Number) value).longValue());
        if (value instanceof Double d) return TensorJson.number(d);
        if (value instanceof Float f) return TensorJson.number(f.doubleValue());
        if (value instanceof String s) return NODES.textNode(s);
        if (value instanceof Device d) return NODES.textNode(d.toString());
        if (value instanceof Tensor t) {
            ObjectNode o = NODES.objectNode();
            o.set("tensor", TensorJson.write(t, MAX_VALUES));
            return o;
        }
        if (value instanceof JitTuple t) {
            ObjectNode o = NODES.objectNode();
            ArrayNode items = o.putArray("tuple");
            for (Object v : t.values()) items.add(write(v, depth + 1));
            if (t.isNamed()) {
                ArrayNode names = o.putArray("names");
                t.names().forEach(names::add);
            }
            return o;
        }
        if (value instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode();
            for (Object v : l) a.add(write(v, depth + 1));
            return a;
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            ArrayNode pairs = o.putArray("dict");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                ArrayNode p = pairs.addArray();
                p.add(write(e.getKey(), depth + 1));
                p.add(write(e.getValue(), depth + 1));
            }
            return o;
        }
        if (value instanceof JitObject obj) {
            ObjectNode o = NODES.objectNode();
            ObjectNode body = o.putObject("object");
            body.put("class", obj.className());
            ObjectNode attrs = body.putObject("attributes");
            for (String name : obj.attributeNames()) {
                Object a = obj.attribute(name);
                try {
                    attrs.set(name, write(a, depth + 1));
                } finally {
                    if (a instanceof Tensor || a instanceof JitObject) closeTensors(a); // attribute() hands out new handles
                }
            }
            return o;
        }
        if (value instanceof long[] a) {
            ArrayNode n = NODES.arrayNode();
            for (long v : a) n.add(v);
            return n;
        }
        if (value instanceof int[] a) {
            ArrayNode n = NODES.arrayNode();
            for (int v : a) n.add(v);
            return n;
        }
        if (value instanceof double[] a) {
            ArrayNode n = NODES.arrayNode();
            for (double v : a) n.add(TensorJson.number(v));
            return n;
        }
        if (value instanceof boolean[] a) {
            ArrayNode n = NODES.arrayNode();
            for (boolean v : a) n.add(v);
            return n;
        }
        throw new ValueJsonException("a " + value.getClass().getSimpleName() + " has no JSON form");
    }
}
