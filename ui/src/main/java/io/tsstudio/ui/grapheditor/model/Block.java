package io.tsstudio.ui.grapheditor.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One block of a graph document, immutable: edits replace it (which keeps undo simple).
 *
 * @param id       stable identity within the document
 * @param kind     what it stands for
 * @param type     the nn module type ({@code Linear}), the operator ({@code aten::add.Tensor}), or the value type of
 *                 an input/output/constant ({@code Tensor}, {@code int})
 * @param name     the identifier used in generated code: submodule attribute, variable or argument name
 * @param settings module settings, literal values of unconnected operator inputs, a constant's {@code value};
 *                 values are Long, Double, Boolean, String, List of those, or null (None)
 * @param schema   the operator schema text for OPERATOR blocks, empty otherwise
 * @param x        left position on the canvas
 * @param y        top position on the canvas
 */
public record Block(String id, BlockKind kind, String type, String name, Map<String, Object> settings, String schema,
                    double x, double y) {
    public Block {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(type);
        Objects.requireNonNull(name);
        schema = schema == null ? "" : schema;
        // LinkedHashMap keeps setting order for the properties pane; values may be null (None)
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public Block withSetting(String key, Object value) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.put(key, value);
        return new Block(id, kind, type, name, s, schema, x, y);
    }

    public Block withoutSetting(String key) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        s.remove(key);
        return new Block(id, kind, type, name, s, schema, x, y);
    }

    public Block withName(String newName) {
        return new Block(id, kind, type, newName, settings, schema, x, y);
    }

    public Block withId(String newId) {
        return new Block(newId, kind, type, name, settings, schema, x, y);
    }

    public Block at(double nx, double ny) {
        return new Block(id, kind, type, name, settings, schema, nx, ny);
    }

    public Object setting(String key) {
        return settings.get(key);
    }

    /** A short label for the canvas: {@code fc1: Linear}, {@code add}, {@code x: Tensor}. */
    public String label() {
        return switch (kind) {
            case MODULE -> name + ": " + type.substring(type.lastIndexOf('.') + 1);
            case OPERATOR -> name;
            case INPUT, OUTPUT -> name + ": " + type;
            case CONSTANT -> name + " = " + Literals.render(settings.get("value"));
        };
    }
}
