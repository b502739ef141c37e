package io.tsstudio.ui.editor;

import java.util.Optional;

/** Parses what the user types in "Go to line": {@code 12} or {@code 12:5}. */
public final class GoToLine {
    public record Target(int line, int column) {
    }

    private GoToLine() {
    }

    public static Optional<Target> parse(String input, int lineCount) {
        if (input == null) return Optional.empty();
        String[] parts = input.trim().split("[:,]", 2);
        try {
            int line = Integer.parseInt(parts[0].trim());
            int column = parts.length > 1 && !parts[1].isBlank() ? Integer.parseInt(parts[1].trim()) : 1;
            if (line < 1) return Optional.empty();
            return Optional.of(new Target(Math.min(line, lineCount), Math.max(1, column)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
