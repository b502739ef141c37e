package io.tsstudio.ui.grapheditor;

/**
 * One row of the properties pane.
 *
 * @param key      setting key ({@code out_features}), or {@code name}/{@code type} for the block itself
 * @param type     the value's type, shown as a hint
 * @param text     current value as TorchScript text; empty when unset
 * @param editable false for connected inputs (the connection provides the value)
 * @param note     why it is not editable, or the schema default
 */
public record PropertyRow(String key, String type, String text, boolean editable, String note) {
}
