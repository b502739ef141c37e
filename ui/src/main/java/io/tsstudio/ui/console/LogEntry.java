package io.tsstudio.ui.console;

import java.time.LocalTime;

/** One line of the log console. */
public record LogEntry(LocalTime time, Level level, String message) {
    public enum Level { INFO, WARNING, ERROR }

    @Override
    public String toString() {
        return String.format("%tT  %-7s %s", time, level, message);
    }
}
