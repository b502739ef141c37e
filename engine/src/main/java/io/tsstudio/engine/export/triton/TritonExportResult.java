package io.tsstudio.engine.export.triton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A finished export: its plan, and the model folder as a tree for printing. */
public record TritonExportResult(TritonPlan plan) {
    /**
     * The model folder as it is now, one entry a line, with sizes; the files this export wrote are marked
     * {@code (written)}.
     */
    public String tree() {
        Path folder = plan.modelFolder();
        StringBuilder b = new StringBuilder(folder.getParent() == null ? "" : folder.getParent() + "/").append('\n');
        b.append("└── ").append(folder.getFileName()).append("/\n");
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(entries::add);
        } catch (IOException e) {
            return b.append("    (cannot list: ").append(e.getMessage()).append(")\n").toString();
        }
        entries.sort(Comparator.comparing((Path p) -> Files.isDirectory(p)).thenComparing(TritonExportResult::versionOrder));
        for (int i = 0; i < entries.size(); i++) {
            Path p = entries.get(i);
            boolean last = i == entries.size() - 1;
            b.append("    ").append(last ? "└── " : "├── ");
            if (Files.isDirectory(p)) {
                b.append(p.getFileName()).append("/\n");
                List<Path> files = new ArrayList<>();
                try (Stream<Path> s = Files.list(p)) {
                    s.sorted().forEach(files::add);
                } catch (IOException e) {
                    continue;
                }
                for (int j = 0; j < files.size(); j++) {
                    b.append("    ").append(last ? "    " : "│   ").append(j == files.size() - 1 ? "└── " : "├── ");
                    line(b, files.get(j));
                }
            } else {
                line(b, p);
            }
        }
        return b.toString();
    }

    private void line(StringBuilder b, Path p) {
        b.append(p.getFileName());
        if (Files.isDirectory(p)) b.append('/');
        else {
            try {
                b.append("  ").append(size(Files.size(p)));
            } catch (IOException e) {
                // size unknown: name only
            }
        }
        if (plan.files().contains(p)) b.append("  (written)");
        b.append('\n');
    }

    private static String versionOrder(Path p) {
        String n = p.getFileName().toString();
        return n.matches("\\d+") ? String.format("%012d", Long.parseLong(n)) : n;
    }

    private static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
