package io.tsstudio.engine.export.triton;

import io.tsstudio.engine.DType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to export and how: the repository folder, the model's name in it, batching, shapes and serving options.
 *
 * @param repository      the model repository ({@code --model-repository} of tritonserver); created when missing
 * @param name            the model's folder and {@code name} in the config (Triton requires them equal)
 * @param maxBatchSize    {@code max_batch_size}: 0 means the model sees the shapes as written; N > 0 means Triton
 *                        batches up to N requests along dimension 0, which is then left out of every {@code dims}
 * @param exampleInputs   forward's arguments to run the model with, in order (Tensors, or one Map of key to Tensor
 *                        for a {@code Dict[str, Tensor]} input); empty: shapes come from {@code dims}. The caller
 *                        keeps ownership of the tensors.
 * @param dims            config dims by input or output name, exactly as written in the config (without the batch
 *                        dimension when {@code maxBatchSize > 0}; -1 is dynamic). They win over observed shapes.
 * @param dtypes          element types by name, where no example shows them (default float32)
 * @param instances       {@code instance_group}, or null to leave Triton's default (one instance per GPU, else CPU)
 * @param dynamicBatching write {@code dynamic_batching { }} (needs {@code maxBatchSize > 0})
 * @param parameters      the libtorch backend's parameters
 */
public record TritonExportRequest(Path repository, String name, int maxBatchSize, List<Object> exampleInputs,
                                  Map<String, List<Long>> dims, Map<String, DType> dtypes, InstanceGroup instances,
                                  boolean dynamicBatching, BackendParameters parameters) {
    public TritonExportRequest {
        if (repository == null) throw new TritonExportException("no repository folder given");
        checkName(name);
        if (maxBatchSize < 0) throw new TritonExportException("max_batch_size must be 0 or more, not " + maxBatchSize);
        if (dynamicBatching && maxBatchSize == 0) {
            throw new TritonExportException("dynamic batching needs max_batch_size > 0 (Triton batches along a dimension it leaves out of dims)");
        }
        exampleInputs = List.copyOf(exampleInputs);
        Map<String, List<Long>> d = new LinkedHashMap<>();
        dims.forEach((k, v) -> {
            for (Long x : v) {
                if (x == null || x < -1) throw new TritonExportException("dims of '" + k + "': " + v + " (each must be -1 for dynamic, or 0 or more)");
            }
            d.put(k, List.copyOf(v));
        });
        dims = java.util.Collections.unmodifiableMap(d);
        dtypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dtypes));
        if (parameters == null) parameters = BackendParameters.NONE;
    }

    /** A request with defaults: no batching, no examples, no dims, Triton's default instances, no parameters. */
    public static TritonExportRequest of(Path repository, String name) {
        return new TritonExportRequest(repository, name, 0, List.of(), Map.of(), Map.of(), null, false, BackendParameters.NONE);
    }

    public TritonExportRequest withMaxBatchSize(int n) {
        return new TritonExportRequest(repository, name, n, exampleInputs, dims, dtypes, instances, dynamicBatching && n > 0, parameters);
    }

    public TritonExportRequest withExampleInputs(List<Object> inputs) {
        return new TritonExportRequest(repository, name, maxBatchSize, inputs, dims, dtypes, instances, dynamicBatching, parameters);
    }

    public TritonExportRequest withDims(Map<String, List<Long>> byName) {
        return new TritonExportRequest(repository, name, maxBatchSize, exampleInputs, byName, dtypes, instances, dynamicBatching, parameters);
    }

    public TritonExportRequest withDtypes(Map<String, DType> byName) {
        return new TritonExportRequest(repository, name, maxBatchSize, exampleInputs, dims, byName, instances, dynamicBatching, parameters);
    }

    public TritonExportRequest withInstances(InstanceGroup group) {
        return new TritonExportRequest(repository, name, maxBatchSize, exampleInputs, dims, dtypes, group, dynamicBatching, parameters);
    }

    public TritonExportRequest withDynamicBatching(boolean on) {
        return new TritonExportRequest(repository, name, maxBatchSize, exampleInputs, dims, dtypes, instances, on, parameters);
    }

    public TritonExportRequest withParameters(BackendParameters p) {
        return new TritonExportRequest(repository, name, maxBatchSize, exampleInputs, dims, dtypes, instances, dynamicBatching, p);
    }

    /** Triton reads the model's name from its folder: one path segment, not hidden, no separators. */
    static void checkName(String name) {
        if (name == null || name.isBlank()) throw new TritonExportException("the model name is empty");
        if (name.contains("/") || name.contains("\\") || name.startsWith(".") || name.chars().anyMatch(Character::isISOControl)
                || !name.strip().equals(name)) {
            throw new TritonExportException("model name '" + name + "': it names a folder in the repository, so it cannot contain "
                    + "'/', '\\', control characters, start with '.', or start or end with spaces");
        }
    }
}
