package io.tsstudio.engine.diff;

import java.util.List;

/**
 * One parameter or buffer by its full dotted name ({@code layer3.1.conv2.weight}).
 *
 * @param shapeA      its shape in the first model; null when added
 * @param shapeB      its shape in the second model; null when removed
 * @param maxAbsDiff  largest {@code |a - b|} over its elements when both have the same shape, else null
 * @param maxRelDiff  largest {@code |a - b| / |b|} over the elements that differ (infinite where {@code b} is 0),
 *                    null as {@code maxAbsDiff}
 */
public record ParameterChange(String name, boolean buffer, Status status, List<Long> shapeA, List<Long> shapeB,
                              Double maxAbsDiff, Double maxRelDiff) {
    public enum Status {
        ADDED, REMOVED, SHAPE, VALUES, EQUAL;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
