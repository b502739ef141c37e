package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;

/** One setting of an nn module block (e.g. Linear's {@code out_features}). */
public record SettingSpec(String name, TypeRef type, Object defaultValue) {
}
