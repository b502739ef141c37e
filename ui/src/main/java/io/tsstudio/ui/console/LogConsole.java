package io.tsstudio.ui.console;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalTime;
import java.util.concurrent.Executor;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The studio's log: what was opened, compiled, saved, and what failed. Entries come from anywhere (worker threads
 * included) and are appended on the delivery executor. Also installs a {@code java.util.logging} handler so the
 * studio's {@code System.Logger} messages (the default backend) show up here.
 */
public final class LogConsole {
    private static final int MAX_ENTRIES = 5_000;

    private final ObservableList<LogEntry> entries = FXCollections.observableArrayList();
    private final Executor delivery;

    public LogConsole(Executor delivery) {
        this.delivery = delivery;
    }

    public void info(String message) {
        add(LogEntry.Level.INFO, message);
    }

    public void warning(String message) {
        add(LogEntry.Level.WARNING, message);
    }

    public void error(String message) {
        add(LogEntry.Level.ERROR, message);
    }

    public void add(LogEntry.Level level, String message) {
        LogEntry e = new LogEntry(LocalTime.now().withNano(0), level, message);
        delivery.execute(() -> {
            entries.add(e);
            if (entries.size() > MAX_ENTRIES) entries.remove(0, entries.size() - MAX_ENTRIES);
        });
    }

    public ObservableList<LogEntry> entries() {
        return entries;
    }

    public void clear() {
        delivery.execute(entries::clear);
    }

    /** Routes WARNING and above (and INFO from the studio's own loggers) of {@code java.util.logging} here. */
    public void captureLogging(String loggerPrefix) {
        Logger root = Logger.getLogger("");
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                java.util.logging.Level l = r.getLevel();
                boolean ours = r.getLoggerName() != null && r.getLoggerName().startsWith(loggerPrefix);
                if (l.intValue() >= java.util.logging.Level.SEVERE.intValue()) add(LogEntry.Level.ERROR, text(r));
                else if (l.intValue() >= java.util.logging.Level.WARNING.intValue()) add(LogEntry.Level.WARNING, text(r));
                else if (ours && l.intValue() >= java.util.logging.Level.INFO.intValue()) add(LogEntry.Level.INFO, text(r));
            }

            private String text(LogRecord r) {
                String m = r.getMessage() == null ? "" : r.getMessage();
                return r.getThrown() != null && !m.contains(String.valueOf(r.getThrown().getMessage())) ? m + ": " + r.getThrown() : m;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }
}
