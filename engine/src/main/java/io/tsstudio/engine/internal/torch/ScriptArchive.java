package io.tsstudio.engine.internal.torch;


import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes TorchScript source that defines classes (TorchScript classes, NamedTuples) as a minimal TorchScript archive.
 * LibTorch's {@code compile} only takes {@code def}s, but its archive importer understands classes: the functions
 * become methods of one module class, the user's classes stay top-level, and LibTorch's loader compiles it all.
 * Generated lines map back to the user's lines for error positions.
 */
final class ScriptArchive {
    private static final Pattern TOP_CLASS = Pattern.compile("^class\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.MULTILINE);
    private static final Pattern TOP_DEF = Pattern.compile("^def\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\(", Pattern.MULTILINE);
    static final String CODE_FILE = TorchScriptArchive.CODE_FILE;

    /** The generated code and, per generated line (0-based), the user's 1-based line and the columns added. */
    record Generated(String code, int[] originalLine, int[] addedColumns) {
    }

    private ScriptArchive() {
    }

    static boolean definesClasses(String source) {
        return TOP_CLASS.matcher(source).find();
    }

    static List<String> functionNames(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = TOP_DEF.matcher(source);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** Module class {@code simpleName} (qualified {@code __torch__.simpleName}) holding the source's functions. */
    static Generated generate(String source, String simpleName) {
        Set<String> classes = new LinkedHashSet<>();
        Matcher cm = TOP_CLASS.matcher(source);
        while (cm.find()) classes.add(cm.group(1));
        List<String> functions = functionNames(source);
        String[] lines = source.replace("\r\n", "\n").split("\n", -1);

        List<String> classLines = new ArrayList<>();
        List<int[]> classMap = new ArrayList<>();
        List<String> methodLines = new ArrayList<>();
        List<int[]> methodMap = new ArrayList<>();
        boolean inClass = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            boolean topLevel = !l.isEmpty() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("#");
            if (topLevel) inClass = l.startsWith("class ") || l.startsWith("class\t");
            String q = qualify(l, classes);
            if (inClass) {
                classLines.add(q);
                classMap.add(new int[] {i + 1, 0});
            } else {
                String m = q;
                if (TOP_DEF.matcher(m).find()) {
                    m = TOP_DEF.matcher(m).replaceFirst(r -> Matcher.quoteReplacement(r.group()) + "self, ").replaceFirst("self, \\s*\\)", "self)");
                }
                m = callsOnSelf(m, functions);
                methodLines.add(m.isEmpty() ? "" : "  " + m);
                methodMap.add(new int[] {i + 1, 2});
            }
        }
        StringBuilder code = new StringBuilder();
        List<int[]> map = new ArrayList<>();
        for (int i = 0; i < classLines.size(); i++) {
            code.append(classLines.get(i)).append('\n');
            map.add(classMap.get(i));
        }
        String[] header = {"class " + simpleName + "(Module):", "  __parameters__ = []", "  __buffers__ = []", "  training : bool"};
        for (String h : header) {
            code.append(h).append('\n');
            map.add(new int[] {0, 0});
        }
        for (int i = 0; i < methodLines.size(); i++) {
            code.append(methodLines.get(i)).append('\n');
            map.add(methodMap.get(i));
        }
        int[] orig = new int[map.size()];
        int[] cols = new int[map.size()];
        for (int i = 0; i < orig.length; i++) {
            orig[i] = map.get(i)[0];
            cols[i] = map.get(i)[1];
        }
        return new Generated(code.toString(), orig, cols);
    }

    private static String qualify(String line, Set<String> classes) {
        String out = line;
        for (String c : classes) {
            out = out.replaceAll("(?<![.\\w])" + Pattern.quote(c) + "(?!\\w)", "__torch__." + c);
        }
        return out.replaceAll("^class\\s+__torch__\\.", "class ");
    }

    private static String callsOnSelf(String line, List<String> functions) {
        String out = line;
        for (String f : functions) {
            out = out.replaceAll("(?<![.\\w])" + Pattern.quote(f) + "(\\s*\\()", "self." + Matcher.quoteReplacement(f) + "$1");
        }
        return out.replaceAll("^def\\s+self\\.", "def ");
    }

    /** The archive bytes: code, an empty constants table, and the pickled module object (training = False). */
    static byte[] archive(String code, String simpleName) {
        return TorchScriptArchive.write(code, new TorchScriptArchive.ModuleObject(simpleName));
    }
}
