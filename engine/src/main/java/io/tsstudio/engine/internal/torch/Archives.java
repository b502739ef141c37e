package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.CodeLocation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the parts of a TorchScript zip that LibTorch's API does not hand out: printed code and extra files. */
public final class Archives {
    private Archives() {
    }

    /** Every {@code extra/NAME} entry of the archive, by NAME. */
    public static Map<String, byte[]> extraFiles(Path archive) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(archive.toFile())) {
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                int slash = n.indexOf('/');
                if (slash < 0 || e.isDirectory()) continue;
                String rest = n.substring(slash + 1);
                if (rest.startsWith("extra/") && rest.length() > 6) {
                    try (InputStream in = z.getInputStream(e)) {
                        out.put(rest.substring(6), in.readAllBytes());
                    }
                }
            }
        }
        return out;
    }

    /**
     * The printed TorchScript code of every class in a saved archive, keyed by qualified class name
     * ({@code __torch__.torch.nn.modules.linear.Linear}). Files under {@code code/} hold one or more classes each.
     */
    public static Map<String, String> codeByClass(Path archive) throws IOException {
        Map<String, String> out = new TreeMap<>();
        readClasses(archive, (name, file, firstLine, code) -> out.put(name, code));
        return out;
    }

    /** Where each class's code sits in its code file (for linking IR source ranges to per-class code). */
    public static Map<String, CodeLocation> codeLocations(Path archive) throws IOException {
        Map<String, CodeLocation> out = new TreeMap<>();
        readClasses(archive, (name, file, firstLine, code) ->
                out.put(name, new CodeLocation(file, firstLine, (int) code.lines().count())));
        return out;
    }

    private interface ClassSink {
        void accept(String qualifiedName, String file, int firstLine, String code);
    }

    private static void readClasses(Path archive, ClassSink sink) throws IOException {
        try (ZipFile z = new ZipFile(archive.toFile())) {
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String n = e.getName();
                int slash = n.indexOf('/');
                if (slash < 0) continue;
                String rest = n.substring(slash + 1);
                if (!rest.startsWith("code/") || !rest.endsWith(".py")) continue;
                String modulePath = rest.substring(5, rest.length() - 3).replace('/', '.');
                try (InputStream in = z.getInputStream(e)) {
                    splitClasses(modulePath, rest, new String(in.readAllBytes(), StandardCharsets.UTF_8), sink);
                }
            }
        }
    }

    private static void splitClasses(String modulePath, String file, String text, ClassSink sink) {
        String[] lines = text.split("\n", -1);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) if (lines[i].startsWith("class ")) starts.add(i);
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : lines.length;
            String header = lines[from].substring(6);
            int end = 0;
            while (end < header.length() && (Character.isJavaIdentifierPart(header.charAt(end)))) end++;
            String name = header.substring(0, end);
            StringBuilder b = new StringBuilder();
            for (int i = from; i < to; i++) b.append(lines[i]).append('\n');
            sink.accept(modulePath + "." + name, file, from + 1, b.toString().stripTrailing() + "\n");
        }
    }
}
