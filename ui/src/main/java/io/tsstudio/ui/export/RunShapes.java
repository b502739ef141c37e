package io.tsstudio.ui.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.ui.run.ArgumentInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes and dtypes of the run panel's last forward call: its tensor arguments (as the panel holds them) and the
 * tensors of its output (a Tensor, or a Tuple of Tensors, in order). Shapes are whole, batch dimension included.
 *
 * @param inputs  shape and dtype by argument name, for tensor arguments whose shape the panel knows (not from a file)
 * @param outputs shape and dtype of each output tensor in order; empty when there was no run or the output is not
 *                a Tensor or a Tuple of Tensors
 */
public record RunShapes(Map<String, Shape> inputs, List<Shape> outputs) {
    public static final RunShapes NONE = new RunShapes(Map.of(), List.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A tensor's whole shape and its dtype. */
    public record Shape(List<Long> dims, DType dtype) {
        public Shape {
            dims = List.copyOf(dims);
        }
    }

    public RunShapes {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        outputs = List.copyOf(outputs);
    }

    /** From the run panel's arguments and its last outcome (null: no run yet). */
    public static RunShapes from(List<ArgumentInput> arguments, RunOutcome outcome) {
        Map<String, Shape> in = new LinkedHashMap<>();
        for (ArgumentInput a : arguments) {
            if (a.kind() != ArgumentInput.Kind.TENSOR || !a.isValid()) continue;
            try {
                JsonNode j = JSON.readTree(a.toJson());
                JsonNode shape = j.path("tensor").path("shape");
                if (!shape.isArray()) continue;
                List<Long> dims = new ArrayList<>();
                shape.forEach(d -> dims.add(d.asLong()));
                in.put(a.name(), new Shape(dims, a.dtypeProperty().get()));
            } catch (Exception e) {
                // an argument the panel cannot describe gives no shape; the dialog asks for it
            }
        }
        List<Shape> out = new ArrayList<>();
        OutputNode root = outcome == null ? null : outcome.output();
        if (root != null) {
            if (root.hasTensor()) out.add(shape(root));
            else if ("tuple".equals(root.kind()) && root.children().stream().allMatch(OutputNode::hasTensor)) {
                root.children().forEach(c -> out.add(shape(c)));
            }
        }
        return new RunShapes(in, out);
    }

    private static Shape shape(OutputNode tensor) {
        List<Long> dims = new ArrayList<>();
        for (long d : tensor.tensor().shape()) dims.add(d);
        return new Shape(dims, DType.parse(tensor.tensor().dtype()));
    }
}
