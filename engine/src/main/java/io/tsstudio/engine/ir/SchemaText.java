package io.tsstudio.engine.ir;

import java.util.ArrayList;
import java.util.List;

/** Reads pieces out of a schema's text, e.g. {@code aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor}. */
public final class SchemaText {
    private SchemaText() {
    }

    /** The argument names in order ({@code self, other, alpha}); empty when the text has no argument list. */
    public static List<String> argumentNames(String schema) {
        List<String> names = new ArrayList<>();
        for (String arg : arguments(schema)) {
            String decl = arg;
            int eq = topLevelIndexOf(decl, '=');
            if (eq >= 0) decl = decl.substring(0, eq);
            decl = decl.trim();
            if (decl.isEmpty() || decl.equals("*")) continue;
            int space = decl.lastIndexOf(' ');
            names.add(space < 0 ? decl : decl.substring(space + 1));
        }
        return names;
    }

    /** The argument declarations as written ({@code Tensor self}, {@code Scalar alpha=1}), the {@code *} marker dropped. */
    public static List<String> arguments(String schema) {
        List<String> out = new ArrayList<>();
        int open = schema.indexOf('(');
        if (open < 0) return out;
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < schema.length(); i++) {
            char c = schema.charAt(i);
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    add(out, schema.substring(start, i));
                    return out;
                }
            } else if (c == ',' && depth == 1) {
                add(out, schema.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static void add(List<String> out, String arg) {
        String a = arg.trim();
        if (!a.isEmpty() && !a.equals("*")) out.add(a);
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
}
