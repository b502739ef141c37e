package io.tsstudio.engine.export.triton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The libtorch backend's {@code parameters} this export can set; a null field is left out of the config (the
 * backend's default applies).
 *
 * @param inferenceMode             {@code INFERENCE_MODE}: run under {@code torch::InferenceMode} (backend default true)
 * @param disableOptimizedExecution {@code DISABLE_OPTIMIZED_EXECUTION}: turn the graph executor's optimizations off
 * @param intraOpThreadCount        {@code INTRA_OP_THREAD_COUNT}: threads inside one operator, 1 or more
 * @param interOpThreadCount        {@code INTER_OP_THREAD_COUNT}: threads across operators, 1 or more
 */
public record BackendParameters(Boolean inferenceMode, Boolean disableOptimizedExecution,
                                Integer intraOpThreadCount, Integer interOpThreadCount) {
    public static final BackendParameters NONE = new BackendParameters(null, null, null, null);

    public BackendParameters {
        if (intraOpThreadCount != null && intraOpThreadCount < 1) {
            throw new IllegalArgumentException("INTRA_OP_THREAD_COUNT must be 1 or more, not " + intraOpThreadCount);
        }
        if (interOpThreadCount != null && interOpThreadCount < 1) {
            throw new IllegalArgumentException("INTER_OP_THREAD_COUNT must be 1 or more, not " + interOpThreadCount);
        }
    }

    /** The parameters that are set, by their Triton key, values as Triton's {@code string_value} text. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (inferenceMode != null) m.put("INFERENCE_MODE", inferenceMode.toString());
        if (disableOptimizedExecution != null) m.put("DISABLE_OPTIMIZED_EXECUTION", disableOptimizedExecution.toString());
        if (intraOpThreadCount != null) m.put("INTRA_OP_THREAD_COUNT", intraOpThreadCount.toString());
        if (interOpThreadCount != null) m.put("INTER_OP_THREAD_COUNT", interOpThreadCount.toString());
        return m;
    }
}
