package io.tsstudio.app.home;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log file a user can send with a bug report: {@code logs/} under the user's data directory (the folder
 * {@link NativeCacheDirs#userDataDir()} names; {@code -Dtsstudio.home=DIR} moves it to {@code DIR/data/logs}), rotated
 * at 2 MB over 5 files, plus the worker's native crash reports ({@code hs_err}). java.util.logging and
 * {@code System.getLogger} (which goes to java.util.logging) both write here; so does every uncaught exception.
 *
 * <p>What is logged must not hold user data beyond paths: no tensor values, no source text.
 */
public final class AppLog {
    static final int LIMIT_BYTES = 2_000_000;
    static final int FILES = 5;
    private static final Logger LOG = Logger.getLogger("io.tsstudio");
    private static Handler installed;

    private AppLog() {
    }

    /** Where the logs and crash reports go for this process. */
    public static Path directory() {
        String home = System.getProperty("tsstudio.home");
        if (home != null && !home.isBlank()) return Path.of(home, "data", "logs");
        return NativeCacheDirs.userDataDir().resolve("logs");
    }

    /**
     * Sends all java.util.logging output (INFO and up) to {@code <directory>/<name>-N.log} and logs uncaught exceptions
     * there. Idempotent; a log file that cannot be opened leaves logging on stderr, as before.
     */
    public static synchronized Path install(String name) {
        Path dir = directory();
        if (installed != null) return dir;
        try {
            Files.createDirectories(dir);
            FileHandler h = new FileHandler(dir.resolve(name + "-%g.log").toString(), LIMIT_BYTES, FILES, true);
            h.setFormatter(new LineFormat());
            h.setLevel(Level.INFO);
            h.setEncoding("UTF-8");
            Logger.getLogger("").addHandler(h);
            installed = h;
        } catch (IOException | RuntimeException e) {
            LOG.warning("cannot write the log in " + dir + ": " + e.getMessage()); // reaches stderr still
        }
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        // java.util.logging's console handler still prints the trace on stderr, as the JVM's default would
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.log(Level.SEVERE, "uncaught exception in thread " + t.getName(), e);
            flush();
            if (previous != null) previous.uncaughtException(t, e);
        });
        LOG.info(name + " started: Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ", log folder " + dir);
        return dir;
    }

    public static synchronized void flush() {
        if (installed != null) installed.flush();
    }

    /** The command that shows a folder in the platform's file manager. */
    static List<String> openFolderCommand(String osName, Path folder) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) return List.of("explorer.exe", folder.toString());
        if (os.startsWith("mac")) return List.of("open", folder.toString());
        return List.of("xdg-open", folder.toString());
    }

    /** Shows the log folder in the file manager (made first if missing); throws when none can be started. */
    public static Path openFolder() throws IOException {
        Path dir = Files.createDirectories(directory());
        new ProcessBuilder(openFolderCommand(System.getProperty("os.name", ""), dir))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return dir;
    }

    /** One line per record ({@code 2026-12-06 00:12:03.120 WARNING io.tsstudio.x: message}), then any stack trace. */
    static final class LineFormat extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder b = new StringBuilder()
                    .append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
                    .append(r.getLevel().getName()).append(' ')
                    .append(r.getLoggerName()).append(": ")
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                b.append(w);
            }
            return b.toString();
        }
    }
}
