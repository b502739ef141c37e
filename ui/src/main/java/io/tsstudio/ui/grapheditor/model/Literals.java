package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;
import io.tsstudio.engine.types.ParsedSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Setting values as Java objects and as TorchScript literals. Java side: Long, Double, Boolean, String, List of those,
 * null for None.
 */
public final class Literals {
    private Literals() {
    }

    /** The TorchScript spelling of a setting value. */
    public static String render(Object v) {
        if (v == null) return "None";
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Double d) return renderDouble(d);
        if (v instanceof Float f) return renderDouble(f.doubleValue());
        if (v instanceof Number n) return Long.toString(n.longValue());
        if (v instanceof String s) return quote(s);
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) b.append(", ");
                b.append(render(l.get(i)));
            }
            return b.append(']').toString();
        }
        throw new IllegalArgumentException("no TorchScript literal for " + v.getClass().getSimpleName() + " " + v);
    }

    private static String renderDouble(double d) {
        if (Double.isNaN(d)) return "float(\"nan\")";
        if (Double.isInfinite(d)) return d > 0 ? "float(\"inf\")" : "float(\"-inf\")";
        String s = Double.toString(d);
        // Java writes 1.0E-5; TorchScript reads 1e-05 and 1.0e-5 alike
        return s.replace("E", "e");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A constant typed in with no type to go by: None, a bool, an int, a float, a list of numbers, else a string. */
    public static Object parseAny(String text) {
        String t = text.strip();
        if (t.equals("None")) return null;
        if (t.startsWith("[")) return parse(t, TypeRef.listOf(t.contains(".") || t.contains("e") ? TypeRef.FLOAT : TypeRef.INT));
        Object scalar = scalar(t);
        return scalar != null ? scalar : parse(t, TypeRef.STR);
    }

    /** A bool, an int or a float as TorchScript writes them; null when {@code t} is none of these. */
    private static Object scalar(String t) {
        if (t.equals("True") || t.equals("False")) return t.equals("True");
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    /**
     * Reads what a person typed (or a schema default) as a value of {@code type}. Throws IllegalArgumentException
     * saying what was expected.
     */
    public static Object parse(String text, TypeRef type) {
        String t = text.strip();
        if (type.isOptional()) {
            if (t.equals("None") || t.isEmpty()) return null;
            return parse(t, type.element());
        }
        switch (type.name()) {
            case "int", "ScalarType", "Layout", "MemoryFormat":
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not an int");
                }
            case "float":
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a float");
                }
            case "bool":
                if (t.equals("True") || t.equals("true")) return Boolean.TRUE;
                if (t.equals("False") || t.equals("false")) return Boolean.FALSE;
                throw new IllegalArgumentException("'" + text + "' is not a bool (True or False)");
            case "str":
                if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
                    return t.substring(1, t.length() - 1);
                }
                return t;
            case "Scalar", "number":
                Object scalar = scalar(t);
                if (scalar == null) throw new IllegalArgumentException("'" + text + "' is not a number");
                return scalar;
            case "List":
                return parseList(t, type);
            default:
                throw new IllegalArgumentException("a " + type + " cannot be typed in; connect it from another block");
        }
    }

    private static List<Object> parseList(String t, TypeRef type) {
        TypeRef e = type.element();
        String inner = t;
        if (t.startsWith("[") && t.endsWith("]")) inner = t.substring(1, t.length() - 1);
        else if (t.startsWith("(") && t.endsWith(")")) inner = t.substring(1, t.length() - 1);
        List<Object> out = new ArrayList<>();
        if (inner.isBlank()) return out;
        if (!t.startsWith("[") && !t.startsWith("(") && !inner.contains(",")) {
            // schema defaults such as "int[2] stride=1" broadcast one value
            out.add(parse(inner, e));
            return out;
        }
        for (String part : ParsedSchema.splitTopLevel(inner)) {
            if (!part.isEmpty()) out.add(parse(part, e));
        }
        return out;
    }

    /** Whether a value of this type can be typed into the properties pane rather than connected. */
    public static boolean isTypable(TypeRef type) {
        TypeRef t = type.isOptional() ? type.element() : type;
        return switch (t.name()) {
            case "int", "float", "bool", "str", "Scalar", "number", "ScalarType", "Layout", "MemoryFormat" -> true;
            case "List" -> isTypable(t.element()) && !t.element().isList();
            default -> false;
        };
    }

    /** The type of a literal value, for constant blocks. */
    public static TypeRef typeOf(Object v) {
        if (v == null) return TypeRef.NONE;
        if (v instanceof Boolean) return TypeRef.BOOL;
        if (v instanceof Double || v instanceof Float) return TypeRef.FLOAT;
        if (v instanceof Number) return TypeRef.INT;
        if (v instanceof String) return TypeRef.STR;
        if (v instanceof List<?> l) return TypeRef.listOf(l.isEmpty() ? TypeRef.INT : typeOf(l.get(0)));
        return TypeRef.ANY;
    }
}
