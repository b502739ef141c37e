package io.tsstudio.ui.editor;

/** An extra style class over {@code [start, end)}, layered on top of highlighting (errors, bracket matches, search hits). */
public record StyledRange(int start, int end, String styleClass) {
}
