package io.tsstudio.ui.concurrent;

/** A job's progress as the UI thread receives it. {@code total} 0 means unknown. */
public record Progress(long done, long total, String message) {
    /** Between 0 and 1, or -1 when the total is unknown (an indeterminate bar). */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
