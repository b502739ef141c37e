package io.tsstudio.engine.values;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A TorchScript type, parsed from its text in either spelling LibTorch uses: annotations ({@code List[int]},
 * {@code Optional[Tensor]}, {@code Tuple[int, str]}, {@code Dict[str, Tensor]}) or schemas ({@code int[]},
 * {@code Tensor?}, {@code (int, str)}, {@code Dict(str, Tensor)}, {@code NamedTuple(a : int, b : str)}).
 *
 * @param kind      what it is
 * @param text      the text it was parsed from (for messages)
 * @param contained element types: one for List/Optional, the fields for Tuple/NamedTuple, key and value for Dict,
 *                  the alternatives of a Union
 * @param names     field names of a NamedTuple whose fields the text lists, else empty
 */
public record JsonType(Kind kind, String text, List<JsonType> contained, List<String> names) {
    public enum Kind { TENSOR, INT, FLOAT, BOOL, STR, NONE, NUMBER, DEVICE, OPTIONAL, LIST, TUPLE, NAMED_TUPLE, DICT, UNION, ANY, CLASS }

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
        Parser p = new Parser(text);
        JsonType t = p.type();
        p.skipSpaces();
        if (p.pos != text.length()) throw new IllegalArgumentException("cannot read type '" + text + "' (stopped at column " + (p.pos + 1) + ")");
        return t;
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        JsonType type() {
            int start = skipSpaces();
            JsonType t = base();
            while (true) {
                skipSpaces();
                if (peek('?')) {
                    pos++;
                    t = new JsonType(Kind.OPTIONAL, s.substring(start, pos).trim(), List.of(t), List.of());
                } else if (peek('[')) { // T[] or T[2] in schemas
                    int save = pos++;
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                    if (!peek(']')) {
                        pos = save;
                        return t;
                    }
                    pos++;
                    t = new JsonType(Kind.LIST, s.substring(start, pos).trim(), List.of(t), List.of());
                } else {
                    return t;
                }
            }
        }

        private JsonType base() {
            int start = skipSpaces();
            if (peek('(')) { // schema tuple (A, B)
                pos++;
                List<JsonType> items = list(')');
                return new JsonType(Kind.TUPLE, s.substring(start, pos), items, List.of());
            }
            String name = name();
            if (name.isEmpty()) throw new IllegalArgumentException("cannot read type '" + s + "' at column " + (pos + 1));
            skipSpaces();
            if (peek('[') && !suffixFollows()) {
                pos++;
                List<JsonType> args = list(']');
                return generic(name, args, s.substring(start, pos));
            }
            if (peek('(')) {
                if (name.equals("NamedTuple")) return namedTuple(start);
                int open = pos;
                if (name.equals("Dict")) {
                    pos++;
                    List<JsonType> args = list(')');
                    return generic(name, args, s.substring(start, pos));
                }
                skipBalanced(open); // Tensor(a!), Float(2, 3, strides=...): details we do not need
                return simple(name, s.substring(start, pos));
            }
            return simple(name, name);
        }

        private JsonType namedTuple(int start) {
            pos++; // (
            List<String> names = new ArrayList<>();
            List<JsonType> types = new ArrayList<>();
            skipSpaces();
            while (!peek(')')) {
                String field = name();
                skipSpaces();
                if (!peek(':')) throw new IllegalArgumentException("cannot read NamedTuple field in '" + s + "'");
                pos++;
                names.add(field);
                types.add(type());
                skipSpaces();
                if (peek(',')) pos++;
                skipSpaces();
                if (pos >= s.length()) throw new IllegalArgumentException("unclosed NamedTuple in '" + s + "'");
            }
            pos++;
            return new JsonType(Kind.NAMED_TUPLE, s.substring(start, pos), types, names);
        }

        private JsonType generic(String name, List<JsonType> args, String text) {
            switch (name) {
                case "List": return new JsonType(Kind.LIST, text, one(args, text), List.of());
                case "Optional": return new JsonType(Kind.OPTIONAL, text, one(args, text), List.of());
                case "Tuple": return new JsonType(Kind.TUPLE, text, args, List.of());
                case "Dict":
                    if (args.size() != 2) throw new IllegalArgumentException("Dict needs a key and a value type: '" + text + "'");
                    return new JsonType(Kind.DICT, text, args, List.of());
                case "Union": return new JsonType(Kind.UNION, text, args, List.of());
                default: return new JsonType(Kind.CLASS, text, args, List.of());
            }
        }

        private static List<JsonType> one(List<JsonType> args, String text) {
            if (args.size() != 1) throw new IllegalArgumentException("expected one type argument in '" + text + "'");
            return args;
        }

        private static JsonType simple(String name, String text) {
            Kind k;
            switch (name) {
                case "int": case "SymInt": case "ScalarType": case "Layout": case "MemoryFormat": case "QScheme": k = Kind.INT; break;
                case "float": case "SymFloat": k = Kind.FLOAT; break;
                case "bool": case "SymBool": k = Kind.BOOL; break;
                case "str": k = Kind.STR; break;
                case "None": case "NoneType": k = Kind.NONE; break;
                case "Scalar": case "number": k = Kind.NUMBER; break;
                case "Device": k = Kind.DEVICE; break;
                case "Any": case "t": k = Kind.ANY; break;
                default: k = TENSOR_NAMES.contains(name) ? Kind.TENSOR : Kind.CLASS;
            }
            return new JsonType(k, text, List.of(), List.of());
        }

        private List<JsonType> list(char close) {
            List<JsonType> items = new ArrayList<>();
            skipSpaces();
            if (peek(close)) {
                pos++;
                return items;
            }
            while (true) {
                skipSpaces();
                if (peek('(') && pos + 1 < s.length() && s.charAt(pos + 1) == ')' && close == ']') { // Tuple[()]: empty
                    pos += 2;
                } else {
                    items.add(type());
                }
                skipSpaces();
                if (peek(',')) {
                    pos++;
                    continue;
                }
                if (peek(close)) {
                    pos++;
                    return items;
                }
                throw new IllegalArgumentException("cannot read type '" + s + "' at column " + (pos + 1));
            }
        }

        private void skipBalanced(int open) {
            int depth = 0;
            for (pos = open; pos < s.length(); pos++) {
                char c = s.charAt(pos);
                if (c == '(' || c == '[') depth++;
                else if ((c == ')' || c == ']') && --depth == 0) {
                    pos++;
                    return;
                }
            }
            throw new IllegalArgumentException("unbalanced brackets in type '" + s + "'");
        }

        private String name() {
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.')) pos++;
            return s.substring(start, pos);
        }

        /** {@code []} or {@code [2]} after a name is the schema's list suffix, not type arguments. */
        private boolean suffixFollows() {
            int i = pos + 1;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            return i < s.length() && s.charAt(i) == ']';
        }

        boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        int skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') pos++;
            return pos;
        }
    }
}
