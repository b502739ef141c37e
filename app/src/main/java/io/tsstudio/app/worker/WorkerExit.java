package io.tsstudio.app.worker;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Puts an unexpected end of the worker process into plain words, from its exit code and last console lines. */
final class WorkerExit {
    private static final Pattern JVM_SIGNAL = Pattern.compile("#\\s+(SIG[A-Z]+)");

    private WorkerExit() {
    }

    static WorkerException describe(Integer exitCode, List<String> consoleTail) {
        String console = String.join("\n", consoleTail);
        String detail = consoleTail.isEmpty() ? "" : "\n\nLast output of the worker:\n" + lastLines(consoleTail, 8);
        String restarted = " Your work is safe; a fresh worker has been started.";
        if (console.contains("A fatal error has been detected by the Java Runtime Environment")) {
            Matcher m = JVM_SIGNAL.matcher(console);
            String sig = m.find() ? " (" + m.group(1) + ")" : "";
            return new WorkerException(WorkerException.Kind.CRASHED,
                    "The model crashed the worker process in native code" + sig + "." + restarted + detail);
        }
        if (console.contains("java.lang.OutOfMemoryError")) {
            return new WorkerException(WorkerException.Kind.OUT_OF_MEMORY,
                    "The worker process ran out of Java memory." + restarted + detail);
        }
        if (exitCode == null) {
            return new WorkerException(WorkerException.Kind.CRASHED, "The connection to the worker process was lost." + restarted + detail);
        }
        String what = switch (exitCode) {
            case 137 -> "The worker process was killed by the system (SIGKILL), most likely because the machine ran out of memory.";
            case 134 -> "The model crashed the worker process in native code (abort).";
            case 139 -> "The model crashed the worker process in native code (segmentation fault).";
            case 136 -> "The model crashed the worker process in native code (floating point exception).";
            default -> exitCode > 128 && exitCode < 160
                    ? "The worker process was ended by signal " + (exitCode - 128) + "."
                    : "The worker process exited unexpectedly (exit code " + exitCode + ").";
        };
        WorkerException.Kind kind = exitCode == 137 ? WorkerException.Kind.OUT_OF_MEMORY : WorkerException.Kind.CRASHED;
        return new WorkerException(kind, what + restarted + detail);
    }

    private static String lastLines(List<String> lines, int n) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
