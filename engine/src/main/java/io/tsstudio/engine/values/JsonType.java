package io.tsstudio.engine.values;

import io.tsstudio.engine.types.TypeRef;

import java.util.List;
import java.util.Set;

/**
 * A TorchScript type as value conversion sees it: what kind of JSON value it takes. Read from type text in either
 * spelling LibTorch uses, annotations ({@code List[int]}, {@code Optional[Tensor]}, {@code Tuple[int, str]},
 * {@code Dict[str, Tensor]}) or schemas ({@code int[]}, {@code Tensor?}, {@code (int, str)}, {@code Dict(str, Tensor)},
 * {@code NamedTuple(a : int, b : str)}), by {@link TypeRef}, the engine's one parser of type text.
 *
 * @param kind      what it is
 * @param text      the type in annotation spelling (for messages)
 * @param contained element types: one for List/Optional, the fields for Tuple/NamedTuple, key and value for Dict,
 *                  the alternatives of a Union
 * @param names     field names of a NamedTuple whose fields the text lists, else empty
 */
public record JsonType(Kind kind, String text, List<JsonType> contained, List<String> names) {
    public enum Kind { TENSOR, INT, FLOAT, BOOL, STR, NONE, NUMBER, DEVICE, OPTIONAL, LIST, TUPLE, NAMED_TUPLE, DICT, UNION, ANY, CLASS }

    /** Complete tensor types of a traced graph ({@code Float(2, 3, ...)}) are named by their dtype. */
    private static final Set<String> TENSOR_NAMES = Set.of("Tensor", "Float", "Double", "Half", "BFloat16", "Long", "Int",
            "Short", "Char", "Byte", "Bool", "ComplexFloat", "ComplexDouble");

    public static final JsonType ANY = new JsonType(Kind.ANY, "Any", List.of(), List.of());

    public JsonType {
        contained = List.copyOf(contained);
        names = List.copyOf(names);
    }

    public JsonType element(int i) {
        return i < contained.size() ? contained.get(i) : ANY;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Parses type text; unknown names become {@link Kind#CLASS} (a TorchScript class, or a NamedTuple known only by name). */
    public static JsonType parse(String text) {
        return of(TypeRef.parse(text));
    }

    /** The conversion view of a parsed type; throws IllegalArgumentException for a generic with the wrong arguments. */
    public static JsonType of(TypeRef type) {
        List<JsonType> contained = type.args().stream().map(JsonType::of).toList();
        String text = type.toString();
        Kind kind = switch (type.name()) {
            case "List", "Optional" -> {
                if (contained.size() != 1) throw new IllegalArgumentException("expected one type argument in '" + text + "'");
                yield type.name().equals("List") ? Kind.LIST : Kind.OPTIONAL;
            }
            case "Tuple" -> Kind.TUPLE;
            case "Dict" -> {
                if (contained.size() != 2) throw new IllegalArgumentException("Dict needs a key and a value type: '" + text + "'");
                yield Kind.DICT;
            }
            case "Union" -> Kind.UNION;
            case "NamedTuple" -> type.fields().isEmpty() ? Kind.CLASS : Kind.NAMED_TUPLE;
            default -> contained.isEmpty() ? simple(type.name()) : Kind.CLASS;
        };
        return new JsonType(kind, text, contained, type.fields());
    }

    private static Kind simple(String name) {
        return switch (name) {
            case "int", "ScalarType", "Layout", "MemoryFormat", "QScheme" -> Kind.INT;
            case "float" -> Kind.FLOAT;
            case "bool" -> Kind.BOOL;
            case "str" -> Kind.STR;
            case "None", "NoneType" -> Kind.NONE;
            case "Scalar", "number" -> Kind.NUMBER;
            case "Device" -> Kind.DEVICE;
            case "Any" -> Kind.ANY;
            default -> TENSOR_NAMES.contains(name) ? Kind.TENSOR : Kind.CLASS;
        };
    }
}
