package io.tsstudio.ui.session;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the code of one TorchScript class, as PyTorch prints it ({@code class Net(Module):}, {@code __parameters__},
 * attribute declarations, then the methods), into source that {@code define} accepts: only the methods, dedented.
 * Every other line becomes an empty line, so line numbers stay those of the tab and a compile error maps straight
 * back to it (columns shift by the class body's indent, see {@link #indent()}).
 */
public final class ClassCodeText {
    private static final Pattern SELF_ANNOTATION = Pattern.compile("\\bself\\s*:\\s*[A-Za-z_][A-Za-z0-9_.]*");

    private final String methods;
    private final int indent;
    private final int methodCount;

    private ClassCodeText(String methods, int indent, int methodCount) {
        this.methods = methods;
        this.indent = indent;
        this.methodCount = methodCount;
    }

    public static ClassCodeText parse(String classCode) {
        String[] lines = classCode.split("\n", -1);
        boolean hasClassHeader = false;
        for (String l : lines) {
            if (l.startsWith("class ")) {
                hasClassHeader = true;
                break;
            }
        }
        int defIndent = -1;
        for (String l : lines) {
            String t = l.stripLeading();
            if (t.startsWith("def ")) {
                defIndent = l.length() - t.length();
                break;
            }
        }
        if (defIndent < 0) return new ClassCodeText(blankAll(lines), 0, 0);
        int indent = hasClassHeader ? defIndent : 0;
        StringBuilder out = new StringBuilder();
        boolean inMethod = false;
        boolean inSignature = false;
        int methods = 0;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            String t = l.stripLeading();
            int lead = l.length() - t.length();
            if (t.startsWith("def ") && lead == defIndent) {
                inMethod = true;
                inSignature = true;
                methods++;
            } else if (!t.isEmpty() && lead <= defIndent && !t.startsWith("#") && !t.startsWith("@") && !inSignature) {
                inMethod = false;
            }
            String kept = "";
            if (inMethod || (t.startsWith("@") && lead == defIndent)) {
                kept = l.length() >= indent ? l.substring(Math.min(indent, lead)) : t;
                if (inSignature) kept = stripSelfAnnotation(kept);
            }
            if (inSignature && t.contains(":") && t.stripTrailing().endsWith(":")) inSignature = false;
            out.append(kept);
            if (i < lines.length - 1) out.append('\n');
        }
        return new ClassCodeText(out.toString(), indent, methods);
    }

    private static String blankAll(String[] lines) {
        return "\n".repeat(Math.max(0, lines.length - 1));
    }

    // PyTorch prints "self: __torch__.pkg.Net"; the compiler behind define() knows self's type already and may not
    // resolve that qualified name, so the annotation is dropped.
    private static String stripSelfAnnotation(String line) {
        Matcher m = SELF_ANNOTATION.matcher(line);
        return m.find() ? line.substring(0, m.start()) + "self" + line.substring(m.end()) : line;
    }

    /** The methods, dedented, other lines blank: pass to {@code define}. */
    public String methodsSource() {
        return methods;
    }

    /** How many columns the methods were shifted left: add it to a compile error's column. */
    public int indent() {
        return indent;
    }

    public int methodCount() {
        return methodCount;
    }
}
