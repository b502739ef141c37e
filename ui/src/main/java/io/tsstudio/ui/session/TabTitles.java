package io.tsstudio.ui.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tab titles that tell tabs apart: where two tabs would show the same title, each gets its file's folder after it
 * ({@code model.pt — run1}), with more folders when the nearest ones are the same too, as editors do.
 */
public final class TabTitles {
    /** What a tab shows by itself, and the file it stands for (null when it has none). */
    public record Entry(String title, Path file) {
    }

    private TabTitles() {
    }

    /** One title per entry, in order. */
    public static List<String> of(List<Entry> entries) {
        Map<String, List<Integer>> byTitle = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) byTitle.computeIfAbsent(entries.get(i).title(), k -> new ArrayList<>()).add(i);
        List<String> out = new ArrayList<>();
        for (Entry e : entries) out.add(e.title());
        for (List<Integer> same : byTitle.values()) {
            if (same.size() < 2) continue;
            for (int depth = 1; depth <= 8; depth++) {
                Map<String, Integer> seen = new HashMap<>();
                List<String> suffixes = new ArrayList<>();
                for (int i : same) {
                    String s = folders(entries.get(i).file(), depth);
                    suffixes.add(s);
                    seen.merge(s, 1, Integer::sum);
                }
                boolean distinct = seen.values().stream().allMatch(n -> n == 1);
                if (distinct || depth == 8) {
                    for (int k = 0; k < same.size(); k++) {
                        if (!suffixes.get(k).isEmpty()) out.set(same.get(k), entries.get(same.get(k)).title() + " \u2014 " + suffixes.get(k));
                    }
                    break;
                }
            }
        }
        return out;
    }

    /** The last {@code depth} folder names above the file, {@code a/b}; empty when there is no file. */
    private static String folders(Path file, int depth) {
        if (file == null) return "";
        Path parent = file.toAbsolutePath().normalize().getParent();
        List<String> names = new ArrayList<>();
        for (Path p = parent; p != null && p.getFileName() != null && names.size() < depth; p = p.getParent()) names.add(0, p.getFileName().toString());
        return String.join("/", names);
    }
}
