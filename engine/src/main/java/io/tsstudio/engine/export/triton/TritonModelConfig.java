package io.tsstudio.engine.export.triton;

import java.util.List;
import java.util.Map;

/**
 * A {@code config.pbtxt} for the {@code pytorch_libtorch} platform, in protobuf text format (Triton's
 * {@code inference.ModelConfig}).
 */
public record TritonModelConfig(String name, int maxBatchSize, List<TritonTensor> inputs, List<TritonTensor> outputs,
                                InstanceGroup instances, boolean dynamicBatching, BackendParameters parameters) {
    public static final String PLATFORM = "pytorch_libtorch";

    public TritonModelConfig {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (parameters == null) parameters = BackendParameters.NONE;
    }

    /** The text, headed by a comment that says which version it was written for. */
    public String toPbtxt(int version) {
        StringBuilder b = new StringBuilder();
        b.append("# Written by TorchScript Studio with version ").append(version)
                .append(" (model.pt); rewritten on every export to this folder.\n");
        b.append("name: ").append(quote(name)).append('\n');
        b.append("platform: ").append(quote(PLATFORM)).append('\n');
        b.append("max_batch_size: ").append(maxBatchSize).append('\n');
        tensors(b, "input", inputs);
        tensors(b, "output", outputs);
        if (instances != null) {
            b.append("instance_group [\n  {\n    count: ").append(instances.count()).append("\n    kind: ")
                    .append(instances.kind().protoName()).append("\n  }\n]\n");
        }
        if (dynamicBatching) b.append("dynamic_batching { }\n");
        for (Map.Entry<String, String> p : parameters.asMap().entrySet()) {
            b.append("parameters: {\n  key: ").append(quote(p.getKey())).append("\n  value: { string_value: ")
                    .append(quote(p.getValue())).append(" }\n}\n");
        }
        return b.toString();
    }

    private static void tensors(StringBuilder b, String field, List<TritonTensor> list) {
        b.append(field).append(" [\n");
        for (int i = 0; i < list.size(); i++) {
            TritonTensor t = list.get(i);
            b.append("  {\n    name: ").append(quote(t.name())).append("\n    data_type: ").append(t.dataType()).append('\n');
            if (t.dims().isEmpty()) {
                // Triton wants at least one dim; a scalar is served as [1] and reshaped to [] for the model (Triton's docs).
                b.append("    dims: [ 1 ]\n    reshape: { shape: [ ] }\n");
            } else {
                b.append("    dims: [ ").append(String.join(", ", t.dims().stream().map(String::valueOf).toList())).append(" ]\n");
            }
            b.append("  }").append(i + 1 < list.size() ? "," : "").append('\n');
        }
        b.append("]\n");
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
