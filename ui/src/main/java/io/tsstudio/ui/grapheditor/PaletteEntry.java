package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.BlockKind;

/**
 * One thing the palette offers.
 *
 * @param title    what the list shows ({@code Linear}, {@code aten::add.Tensor}, {@code Input})
 * @param category group shown beside it ({@code Linear}, {@code Operator}, {@code Graph})
 * @param detail   the schema or a one-line description, searched too
 * @param kind     the kind of block it makes
 * @param key      nn module type, operator schema text, or the value type of an input/output/constant
 */
public record PaletteEntry(String title, String category, String detail, BlockKind kind, String key) {
    @Override
    public String toString() {
        return title;
    }
}
