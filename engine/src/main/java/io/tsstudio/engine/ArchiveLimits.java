package io.tsstudio.engine;

/**
 * How much of an untrusted archive's {@code extra/} and {@code code/} entries is read into memory: a zip bomb (a few
 * KB that inflate to GBs) must not run the studio out of memory. Entries past a limit are skipped and reported
 * ({@link ArchiveContent#skipped()}), never read whole.
 *
 * <p>The defaults come from system properties {@code tsstudio.archive.maxEntryBytes} (32 MiB),
 * {@code tsstudio.archive.maxTotalBytes} (128 MiB) and {@code tsstudio.archive.maxEntries} (10,000).
 */
public record ArchiveLimits(long maxEntryBytes, long maxTotalBytes, int maxEntries) {
    public static final String MAX_ENTRY_PROPERTY = "tsstudio.archive.maxEntryBytes";
    public static final String MAX_TOTAL_PROPERTY = "tsstudio.archive.maxTotalBytes";
    public static final String MAX_ENTRIES_PROPERTY = "tsstudio.archive.maxEntries";

    public ArchiveLimits {
        if (maxEntryBytes < 0 || maxTotalBytes < 0 || maxEntries < 0) {
            throw new IllegalArgumentException("archive limits must not be negative: " + maxEntryBytes + ", " + maxTotalBytes + ", " + maxEntries);
        }
    }

    /** The limits set by the system properties, or the defaults. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(Long.getLong(MAX_ENTRY_PROPERTY, 32L << 20), Long.getLong(MAX_TOTAL_PROPERTY, 128L << 20),
                Integer.getInteger(MAX_ENTRIES_PROPERTY, 10_000));
    }
}
