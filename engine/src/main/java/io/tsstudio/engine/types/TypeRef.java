package io.tsstudio.engine.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A TorchScript type as it appears in operator schemas and annotations ({@code Tensor}, {@code int[]},
 * {@code Tensor?}, {@code List[int]}, {@code Optional[float]}, {@code Tuple[Tensor, Tensor]}). Schema spellings are
 * normalised: {@code int[2]} and {@code int[]} become {@code List[int]}, {@code T?} becomes {@code Optional[T]},
 * {@code SymInt} becomes {@code int}, alias annotations such as {@code Tensor(a!)} and the sizes of a traced graph's
 * complete tensor types ({@code Float(2, 3, strides=[3, 1], ...)}: name {@code Float}) are dropped. The one parser of
 * type text in the engine: {@link ParsedSchema} and {@code values.JsonType} read types through it.
 *
 * @param name   the base name ({@code Tensor}, {@code int}, {@code List}, {@code Optional}, {@code Tuple}, ...)
 * @param args   type arguments of generic types, empty otherwise; the field types of a {@code NamedTuple}
 * @param fields field names of a {@code NamedTuple(a : int, b : str)} (as LibTorch prints one), else empty
 */
public record TypeRef(String name, List<TypeRef> args, List<String> fields) {
    public static final TypeRef TENSOR = simple("Tensor");
    public static final TypeRef INT = simple("int");
    public static final TypeRef FLOAT = simple("float");
    public static final TypeRef BOOL = simple("bool");
    public static final TypeRef STR = simple("str");
    public static final TypeRef ANY = simple("Any");
    public static final TypeRef NONE = simple("NoneType");

    public TypeRef {
        args = List.copyOf(args);
        fields = List.copyOf(fields);
        if (!fields.isEmpty() && fields.size() != args.size()) throw new IllegalArgumentException(fields + " do not name the fields " + args);
    }

    public TypeRef(String name, List<TypeRef> args) {
        this(name, args, List.of());
    }

    public static TypeRef simple(String name) {
        return new TypeRef(name, List.of());
    }

    public static TypeRef listOf(TypeRef element) {
        return new TypeRef("List", List.of(element));
    }

    public static TypeRef optional(TypeRef element) {
        return element.isOptional() ? element : new TypeRef("Optional", List.of(element));
    }

    public boolean isOptional() {
        return name.equals("Optional");
    }

    public boolean isList() {
        return name.equals("List");
    }

    public boolean isTensor() {
        return name.equals("Tensor");
    }

    /** The element type of a List or Optional. */
    public TypeRef element() {
        if (args.isEmpty()) throw new IllegalStateException(this + " has no element type");
        return args.get(0);
    }

    /** Parses schema or annotation spelling; throws IllegalArgumentException naming the text when it cannot. */
    public static TypeRef parse(String text) {
        Parser p = new Parser(text);
        TypeRef t = p.type();
        p.skipSpace();
        if (!p.atEnd()) throw new IllegalArgumentException("unexpected '" + text.substring(p.pos) + "' in type '" + text + "'");
        return t;
    }

    /**
     * Why a value of type {@code source} cannot be passed where this type is expected, or empty when it can.
     * The rules follow TorchScript's argument matching closely enough for generated code to compile:
     * Scalar takes int/float/bool, float takes int, Optional takes None and its element, lists are invariant.
     */
    public Optional<String> refuses(TypeRef source) {
        return accepts(source) ? Optional.empty() : Optional.of("expects " + this + " but gets " + source);
    }

    public boolean accepts(TypeRef source) {
        if (name.equals("Any") || source.name.equals("Any")) return true;
        if (isOptional()) {
            if (source.name.equals("NoneType")) return true;
            if (source.isOptional()) return element().accepts(source.element());
            return element().accepts(source);
        }
        if (source.isOptional()) return false;
        switch (name) {
            case "Scalar", "number":
                return source.name.equals("int") || source.name.equals("float") || source.name.equals("bool")
                        || source.name.equals("Scalar") || source.name.equals("number");
            case "float":
                return source.name.equals("float") || source.name.equals("int");
            case "int":
                // ScalarType, Layout and MemoryFormat are ints in TorchScript
                return source.name.equals("int") || source.name.equals("ScalarType") || source.name.equals("Layout")
                        || source.name.equals("MemoryFormat");
            case "ScalarType", "Layout", "MemoryFormat":
                return source.name.equals(name) || source.name.equals("int");
            case "List":
                if (!source.isList()) return false;
                TypeRef e = element(), se = source.element();
                return e.equals(se) || e.name.equals("Any") || se.name.equals("Any");
            case "Tuple":
                if (!source.name.equals("Tuple") || source.args.size() != args.size()) return false;
                for (int i = 0; i < args.size(); i++) if (!args.get(i).accepts(source.args.get(i))) return false;
                return true;
            default:
                return name.equals(source.name) && args.equals(source.args);
        }
    }

    /**
     * TorchScript annotation spelling ({@code List[int]}, {@code Optional[Tensor]}, {@code Tuple[()]}); a NamedTuple with
     * field names as LibTorch prints it ({@code NamedTuple(a : int, b : str)}).
     */
    @Override
    public String toString() {
        if (!fields.isEmpty()) {
            StringBuilder b = new StringBuilder(name).append('(');
            for (int i = 0; i < args.size(); i++) b.append(i > 0 ? ", " : "").append(fields.get(i)).append(" : ").append(args.get(i));
            return b.append(')').toString();
        }
        if (args.isEmpty()) return name.equals("Tuple") ? "Tuple[()]" : name;
        StringBuilder b = new StringBuilder(name).append('[');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(args.get(i));
        }
        return b.append(']').toString();
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        /** Comma-separated types up to {@code close}, the opening bracket already read. */
        List<TypeRef> arguments(char close) {
            List<TypeRef> args = new ArrayList<>();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == close) {
                pos++;
                return args;
            }
            while (true) {
                args.add(type());
                skipSpace();
                if (pos >= s.length()) throw new IllegalArgumentException("unclosed bracket in type '" + s + "'");
                char c = s.charAt(pos++);
                if (c == close) return args;
                if (c != ',') throw new IllegalArgumentException("unexpected '" + c + "' in type '" + s + "'");
            }
        }

        TypeRef type() {
            skipSpace();
            TypeRef t;
            if (pos < s.length() && s.charAt(pos) == '(') { // schema spelling of a tuple: (str, t)
                pos++;
                t = new TypeRef("Tuple", arguments(')'));
            } else {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.'
                        || s.charAt(pos) == ':')) pos++;
                if (start == pos) throw new IllegalArgumentException("a type name is missing at column " + (pos + 1) + " of '" + s + "'");
                String base = canonical(s.substring(start, pos));
                // List[int] in annotations (after other names, int[] and int[2] are list suffixes); Dict(str, Tensor) and
                // NamedTuple(a : int) in schemas (after other names "(" starts an alias annotation or a tensor's sizes)
                if (pos < s.length() && s.charAt(pos) == '[' && (isGenericName(base) || !listSuffixFollows())) {
                    pos++;
                    t = new TypeRef(base, base.equals("Tuple") && emptyTuple() ? List.of() : arguments(']'));
                } else if (pos < s.length() && s.charAt(pos) == '(' && base.equals("NamedTuple")) {
                    t = namedTuple();
                } else if (pos < s.length() && s.charAt(pos) == '(' && isGenericName(base)) {
                    pos++;
                    t = new TypeRef(base, arguments(')'));
                } else {
                    t = simple(base);
                }
            }
            // suffixes in schema spelling: alias annotation "(a!)", list "[]" or "[2]", optional "?"
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '(') {
                    skipBalanced();
                } else if (c == '[') {
                    int close = s.indexOf(']', pos);
                    if (close < 0) throw new IllegalArgumentException("unclosed '[' in type '" + s + "'");
                    pos = close + 1;
                    t = listOf(t);
                } else if (c == '?') {
                    pos++;
                    t = optional(t);
                } else {
                    break;
                }
            }
            return t;
        }

        /** {@code []} or {@code [2]}: the schema's list suffix, not type arguments. */
        private boolean listSuffixFollows() {
            int i = pos + 1;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            return i < s.length() && s.charAt(i) == ']';
        }

        /** {@code ()]} after {@code Tuple[}: the annotation of the empty tuple; reads it. */
        private boolean emptyTuple() {
            int i = pos;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            if (!s.startsWith("()", i)) return false;
            i += 2;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= s.length() || s.charAt(i) != ']') return false;
            pos = i + 1;
            return true;
        }

        /** {@code NamedTuple(a : int, b : str)}, at its {@code (}. */
        private TypeRef namedTuple() {
            pos++;
            List<String> fields = new ArrayList<>();
            List<TypeRef> types = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos >= s.length()) throw new IllegalArgumentException("unclosed NamedTuple in type '" + s + "'");
                if (s.charAt(pos) == ')') {
                    pos++;
                    return new TypeRef("NamedTuple", types, fields);
                }
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
                String field = s.substring(start, pos);
                skipSpace();
                if (field.isEmpty() || pos >= s.length() || s.charAt(pos) != ':') {
                    throw new IllegalArgumentException("cannot read a NamedTuple field at column " + (pos + 1) + " of '" + s + "'");
                }
                pos++;
                fields.add(field);
                types.add(type());
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == ',') pos++;
            }
        }

        /** Skips {@code (...)} with what it nests: {@code Tensor(a!)}, {@code Float(2, 3, strides=[3, 1], device=cpu)}. */
        private void skipBalanced() {
            int depth = 0;
            for (int i = pos; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '(' || c == '[') depth++;
                else if ((c == ')' || c == ']') && --depth == 0) {
                    pos = i + 1;
                    return;
                }
            }
            throw new IllegalArgumentException("unclosed '(' in type '" + s + "'");
        }

        private static boolean isGenericName(String base) {
            return base.equals("List") || base.equals("Optional") || base.equals("Tuple") || base.equals("Dict") || base.equals("Future")
                    || base.equals("Union");
        }

        private static String canonical(String base) {
            return switch (base) {
                case "SymInt" -> "int";
                case "SymFloat" -> "float";
                case "SymBool" -> "bool";
                case "t" -> "Any";
                default -> base.startsWith("t") && base.length() <= 2 && !base.equals("t") ? "Any" : base;
            };
        }
    }
}
