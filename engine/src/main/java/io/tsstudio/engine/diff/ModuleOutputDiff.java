package io.tsstudio.engine.diff;

/**
 * How far one module's outputs are apart over the calls matched in both runs (by path and call order).
 *
 * @param calls        how many of its calls were compared
 * @param maxAbsDiff   largest {@code |a - b|} over every output tensor of those calls; null when a shape or the
 *                     output's structure changed, or its tensors were not kept (see {@code compared})
 * @param shapeChanged an output had another shape or structure in the second run (a divergence)
 * @param diverges     some call's output was beyond tolerance (or changed shape)
 * @param compared     false when the tensors were too large to keep under the observation's budget: only shapes and
 *                     statistics were compared
 */
public record ModuleOutputDiff(String path, int calls, Double maxAbsDiff, boolean shapeChanged, boolean diverges,
                               boolean compared) {
}
