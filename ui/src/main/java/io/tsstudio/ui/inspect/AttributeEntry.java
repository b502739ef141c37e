package io.tsstudio.ui.inspect;

/** A non-tensor attribute of a module: {@code training: bool = True}. */
public record AttributeEntry(String name, String type, String value) {
}
