package io.tsstudio.ui.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much memory the studio uses: the Java heap, and the whole process's resident set (which includes LibTorch's
 * native allocations: tensors and loaded modules live outside the heap). The resident figure is read from
 * {@code /proc/self/status} on Linux and is absent elsewhere.
 */
public record MemoryReport(long heapUsedBytes, long heapMaxBytes, long residentBytes) {
    private static final Path PROC_STATUS = Path.of("/proc/self/status");

    public static MemoryReport now() {
        java.lang.Runtime rt = java.lang.Runtime.getRuntime();
        return new MemoryReport(rt.totalMemory() - rt.freeMemory(), rt.maxMemory(), residentSetSize());
    }

    static long residentSetSize() {
        try {
            if (!Files.isReadable(PROC_STATUS)) return -1;
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** {@code heap 120/4096 MB · process 820 MB}. */
    public String describe() {
        String s = String.format(Locale.ROOT, "heap %d/%d MB", heapUsedBytes >> 20, heapMaxBytes >> 20);
        return residentBytes < 0 ? s : s + String.format(Locale.ROOT, "  \u00b7  process %d MB", residentBytes >> 20);
    }

    /** Human-readable byte size: {@code 1.5 KB}, {@code 3.2 MB}. */
    public static String bytes(long n) {
        if (n < 1024) return n + " B";
        double v = n;
        String[] units = {"KB", "MB", "GB", "TB"};
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
