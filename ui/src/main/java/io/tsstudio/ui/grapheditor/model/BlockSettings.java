package io.tsstudio.ui.grapheditor.model;

import java.util.List;
import java.util.Map;

/** Typed reads of a block's settings with the spec's defaults filled in. */
public final class BlockSettings {
    private final Map<String, Object> values;
    private final List<SettingSpec> specs;

    public BlockSettings(Map<String, Object> values, List<SettingSpec> specs) {
        this.values = values;
        this.specs = specs;
    }

    public Object get(String name) {
        if (values.containsKey(name)) return values.get(name);
        for (SettingSpec s : specs) if (s.name().equals(name)) return s.defaultValue();
        throw new IllegalArgumentException("no setting '" + name + "'");
    }

    public long integer(String name) {
        Object v = get(name);
        if (v instanceof Number n) return n.longValue();
        throw new IllegalArgumentException("setting '" + name + "' must be an int, is " + Literals.render(v));
    }

    public double real(String name) {
        Object v = get(name);
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("setting '" + name + "' must be a float, is " + Literals.render(v));
    }

    public boolean flag(String name) {
        Object v = get(name);
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException("setting '" + name + "' must be True or False, is " + Literals.render(v));
    }

    /** A literal of the value, for generated code. */
    public String literal(String name) {
        return Literals.render(get(name));
    }
}
