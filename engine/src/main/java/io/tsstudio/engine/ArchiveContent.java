package io.tsstudio.engine;

import java.util.List;

/** What was read from an archive within its {@link ArchiveLimits}, and which entries were skipped and why. */
public record ArchiveContent<T>(T content, List<Skipped> skipped) {
    public ArchiveContent {
        skipped = List.copyOf(skipped);
    }

    /** An entry not read: its name inside the archive and the reason ("larger than 32 MiB ..."). */
    public record Skipped(String entry, String reason) {
        @Override
        public String toString() {
            return entry + ": " + reason;
        }
    }
}
