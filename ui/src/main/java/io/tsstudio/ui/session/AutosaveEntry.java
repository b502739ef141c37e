package io.tsstudio.ui.session;

import java.nio.file.Path;
import java.time.Instant;

/**
 * An unsaved editor buffer as written to the autosave directory. {@code kind} is the buffer kind's name;
 * {@code file} the file the buffer belongs to (null for a new script); {@code className} the class for module code.
 * A graph editor's document is stored the same way, with kind {@code GRAPH_MODEL} and its JSON as the text.
 */
public record AutosaveEntry(String id, String name, String kind, Path file, String className, Instant savedAt, String text) {
}
