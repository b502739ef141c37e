package io.tsstudio.engine.diff;

import java.util.List;

/**
 * One module path of either model, matched by path.
 *
 * @param what   for a changed module, what changed: {@code class} (another class name), {@code code} (its class's
 *               printed code), {@code methods} (methods added, removed or with other signatures)
 * @param classA its class in the first model; null when added
 * @param classB its class in the second model; null when removed
 */
public record ModuleChange(String path, Status status, List<String> what, String classA, String classB) {
    public enum Status {
        ADDED, REMOVED, CHANGED, EQUAL;

        /** The name the JSON contract uses. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ModuleChange {
        what = List.copyOf(what);
    }
}
