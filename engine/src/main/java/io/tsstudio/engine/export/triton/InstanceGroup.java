package io.tsstudio.engine.export.triton;

import java.util.Locale;

/**
 * Where Triton runs the model's instances: {@code instance_group [{ count: N, kind: KIND_CPU|KIND_GPU }]}.
 *
 * @param kind  CPU or GPU
 * @param count instances (on each GPU for {@link Kind#GPU}), 1 or more
 */
public record InstanceGroup(Kind kind, int count) {
    public enum Kind {
        CPU, GPU;

        /** The name of Triton's {@code ModelInstanceGroup.Kind} enum value. */
        public String protoName() {
            return "KIND_" + name();
        }
    }

    public InstanceGroup {
        if (kind == null) throw new IllegalArgumentException("instance kind is missing (cpu or gpu)");
        if (count < 1) throw new IllegalArgumentException("instance count must be 1 or more, not " + count);
    }

    /** Reads {@code cpu}, {@code gpu}, {@code cpu:4}, {@code gpu:2}; a bad spelling throws a message that shows the right one. */
    public static InstanceGroup parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String kindText = colon < 0 ? t : t.substring(0, colon);
        Kind kind = switch (kindText) {
            case "cpu" -> Kind.CPU;
            case "gpu" -> Kind.GPU;
            default -> throw new IllegalArgumentException("instances '" + text + "': expected cpu or gpu, optionally with a count (gpu:2)");
        };
        int count = 1;
        if (colon >= 0) {
            try {
                count = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("instances '" + text + "': the count after ':' must be a whole number (gpu:2)");
            }
            if (count < 1) throw new IllegalArgumentException("instances '" + text + "': the count must be 1 or more");
        }
        return new InstanceGroup(kind, count);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + count;
    }
}
