package io.tsstudio.app.worker;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words LibTorch's failures for the user: out-of-memory is named as such, with the size asked for. */
final class WorkerErrors {
    private static final Pattern BYTES = Pattern.compile("allocate (\\d+) bytes");
    private static final Pattern CUDA_OOM = Pattern.compile("Tried to allocate ([0-9.]+ [KMGT]?i?B)");

    private WorkerErrors() {
    }

    static WorkerException explain(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (msg.contains("can't allocate memory") || msg.contains("out of memory") || msg.contains("OutOfMemory")) {
            Matcher b = BYTES.matcher(msg);
            Matcher c = CUDA_OOM.matcher(msg);
            String size = b.find() ? " (it asked for " + human(Long.parseLong(b.group(1))) + ")"
                    : c.find() ? " (it asked for " + c.group(1) + ")" : "";
            String where = msg.contains("CUDA") ? "GPU" : "main";
            return new WorkerException(WorkerException.Kind.OUT_OF_MEMORY,
                    "Out of memory: the model needed more " + where + " memory than is available" + size
                            + ". The worker is still running.\n\n" + firstLines(msg, 3));
        }
        return new WorkerException(WorkerException.Kind.ERROR, msg);
    }

    static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String firstLines(String s, int n) {
        String[] lines = s.split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(n, lines.length)));
    }
}
