package io.tsstudio.ui.graph.model;

import java.util.ArrayList;
import java.util.List;

/** Argument and return names out of an operator schema such as {@code aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor}. */
public record SchemaNames(List<String> arguments, List<String> returns) {
    private static final SchemaNames NONE = new SchemaNames(List.of(), List.of());

    public static SchemaNames parse(String schema) {
        if (schema == null) {
            return NONE;
        }
        int open = schema.indexOf('(');
        int close = matching(schema, open);
        if (open < 0 || close < 0) {
            return NONE;
        }
        List<String> args = names(schema.substring(open + 1, close));
        List<String> rets = List.of();
        int arrow = schema.indexOf("->", close);
        if (arrow >= 0) {
            String r = schema.substring(arrow + 2).trim();
            if (r.startsWith("(") && r.endsWith(")")) {
                r = r.substring(1, r.length() - 1);
            }
            rets = names(r);
        }
        return new SchemaNames(args, rets);
    }

    public String argument(int i) {
        return i < arguments.size() ? arguments.get(i) : null;
    }

    public String result(int i) {
        return i < returns.size() ? returns.get(i) : null;
    }

    private static int matching(String s, int open) {
        if (open < 0) {
            return -1;
        }
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Splits at top-level commas; a part's name is its last word before any default ({@code Tensor? bias=None} gives {@code bias}). */
    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String part = list.substring(start, i).trim();
                start = i + 1;
                if (part.isEmpty() || part.equals("*")) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq >= 0) {
                    part = part.substring(0, eq).trim();
                }
                int sp = part.lastIndexOf(' ');
                out.add(sp < 0 ? null : part.substring(sp + 1));
            }
        }
        return out;
    }
}
