package io.tsstudio.engine.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An operator schema parsed from its registry text, e.g.
 * {@code aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor}.
 *
 * @param name      qualified name without overload ({@code aten::add})
 * @param overload  overload name ({@code Tensor}), empty for the default overload
 * @param arguments arguments in order, keyword-only ones flagged
 * @param returns   returned values; unnamed ones get {@code out}, {@code out0}, {@code out1}, ...
 * @param text      the text it was parsed from
 */
public record ParsedSchema(String name, String overload, List<Argument> arguments, List<Argument> returns, String text) {
    public ParsedSchema {
        arguments = List.copyOf(arguments);
        returns = List.copyOf(returns);
    }

    /** One argument or return. {@code defaultValue} is the schema's default text ({@code 1}, {@code None}, {@code [0, 0]}). */
    public record Argument(String name, TypeRef type, Optional<String> defaultValue, boolean kwargOnly, boolean mutable) {
    }

    public String namespace() {
        int i = name.indexOf("::");
        return i < 0 ? "" : name.substring(0, i);
    }

    public String shortName() {
        int i = name.indexOf("::");
        return i < 0 ? name : name.substring(i + 2);
    }

    /** Qualified name with overload, as the registry lists it ({@code aten::add.Tensor}). */
    public String qualifiedOverload() {
        return overload.isEmpty() ? name : name + "." + overload;
    }

    /** True when the operator writes into an input (in-place or out= variants). */
    public boolean mutates() {
        return arguments.stream().anyMatch(Argument::mutable);
    }

    public static ParsedSchema parse(String text) {
        String s = text.strip();
        int open = s.indexOf('(');
        if (open < 0) throw new IllegalArgumentException("not an operator schema (no '('): " + text);
        String qualified = s.substring(0, open).strip();
        int close = matching(s, open);
        String rest = s.substring(close + 1).strip();
        String name = qualified, overload = "";
        int dot = qualified.indexOf('.', Math.max(0, qualified.indexOf("::")));
        if (dot >= 0) {
            name = qualified.substring(0, dot);
            overload = qualified.substring(dot + 1);
        }
        List<Argument> args = new ArrayList<>();
        boolean kwOnly = false;
        for (String part : splitTopLevel(s.substring(open + 1, close))) {
            if (part.isEmpty()) continue;
            if (part.equals("*")) {
                kwOnly = true;
                continue;
            }
            if (part.equals("...")) continue;
            args.add(argument(part, kwOnly, text, args.size()));
        }
        List<Argument> returns = new ArrayList<>();
        if (rest.startsWith("->")) {
            String r = rest.substring(2).strip();
            List<String> parts;
            if (r.startsWith("(") && matching(r, 0) == r.length() - 1) {
                parts = splitTopLevel(r.substring(1, r.length() - 1));
            } else {
                parts = List.of(r);
            }
            List<String> nonEmpty = parts.stream().filter(p -> !p.isEmpty() && !p.equals("...")).toList();
            for (int i = 0; i < nonEmpty.size(); i++) {
                Argument a = argument(nonEmpty.get(i), false, text, i);
                String n = a.name().startsWith("#") ? (nonEmpty.size() == 1 ? "out" : "out" + i) : a.name();
                returns.add(new Argument(n, a.type(), Optional.empty(), false, a.mutable()));
            }
        }
        return new ParsedSchema(name, overload, args, returns, s);
    }

    /**
     * The argument declarations as written ({@code Tensor self}, {@code Scalar alpha=1}), without reading their types;
     * the {@code *} and {@code ...} markers are dropped. Empty when the text has no argument list. Unlike
     * {@link #parse} this never refuses text, so it suits schemas of any origin (graph nodes, user functions).
     */
    public static List<String> argumentTexts(String schema) {
        int open = schema.indexOf('(');
        if (open < 0) return List.of();
        int close = matchingOrEnd(schema, open);
        List<String> out = new ArrayList<>();
        for (String part : splitTopLevel(schema.substring(open + 1, close))) {
            if (!part.isEmpty() && !part.equals("*") && !part.equals("...")) out.add(part);
        }
        return out;
    }

    /** The argument names in order ({@code self, other, alpha}), leniently as {@link #argumentTexts}. */
    public static List<String> argumentNames(String schema) {
        List<String> names = new ArrayList<>();
        for (String part : argumentTexts(schema)) {
            String decl = declaration(part);
            int split = lastTopLevelSpace(decl);
            names.add(split < 0 ? decl : decl.substring(split + 1).strip());
        }
        return names;
    }

    /**
     * The return names in order, leniently as {@link #argumentTexts}: null for an unnamed return ({@code Tensor}), and
     * empty when the text has no {@code ->}.
     */
    public static List<String> returnNames(String schema) {
        int open = schema.indexOf('(');
        if (open < 0) return List.of();
        int close = matchingOrEnd(schema, open);
        String rest = close >= schema.length() ? "" : schema.substring(close + 1).strip();
        if (!rest.startsWith("->")) return List.of();
        String r = rest.substring(2).strip();
        List<String> parts = r.startsWith("(") && matchingOrEnd(r, 0) == r.length() - 1
                ? splitTopLevel(r.substring(1, r.length() - 1)) : List.of(r);
        List<String> names = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty() || part.equals("...")) continue;
            String decl = declaration(part);
            int split = lastTopLevelSpace(decl);
            names.add(split < 0 ? null : decl.substring(split + 1).strip());
        }
        return names;
    }

    /** The declaration without its default ({@code Scalar alpha} of {@code Scalar alpha=1}). */
    private static String declaration(String part) {
        int eq = topLevelIndexOf(part, '=');
        return eq < 0 ? part : part.substring(0, eq).strip();
    }

    private static Argument argument(String part, boolean kwOnly, String schema, int index) {
        String decl = declaration(part);
        int eq = topLevelIndexOf(part, '=');
        String dflt = eq < 0 ? null : part.substring(eq + 1).strip();
        // the name is the last identifier after the type, unless the declaration is only a type
        int split = lastTopLevelSpace(decl);
        String typeText = split < 0 ? decl : decl.substring(0, split).strip();
        String argName = split < 0 ? "#" + index : decl.substring(split + 1).strip();
        TypeRef type;
        try {
            type = TypeRef.parse(typeText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read argument '" + part + "' of schema " + schema + ": " + e.getMessage(), e);
        }
        boolean mutable = typeText.contains("!)");
        return new Argument(argName, type, Optional.ofNullable(dflt), kwOnly, mutable);
    }

    private static int matching(String s, int open) {
        int close = matchingOrEnd(s, open);
        if (close == s.length()) throw new IllegalArgumentException("unbalanced brackets in schema: " + s);
        return close;
    }

    /** The index of the bracket closing the one at {@code open}, or the text's length when none does. */
    private static int matchingOrEnd(String s, int open) {
        int depth = 0;
        boolean quote = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') quote = !quote;
            if (quote) continue;
            if (c == '(' || c == '[') depth++;
            if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) return i;
            }
        }
        return s.length();
    }

    /** Splits at commas outside brackets and quotes, each piece stripped ({@code int a, int[2] b=[0, 0]}). */
    public static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') quote = !quote;
            if (quote) continue;
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(s.substring(start).strip());
        return out;
    }

    private static int topLevelIndexOf(String s, char target) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == target && depth == 0) return i;
        }
        return -1;
    }

    private static int lastTopLevelSpace(String s) {
        int depth = 0, last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == ' ' && depth == 0) last = i;
        }
        return last;
    }

    @Override
    public String toString() {
        return text;
    }
}
