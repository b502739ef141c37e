package io.tsstudio.engine.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.internal.torch.TensorMaker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Tensors to and from their JSON forms (see {@link ValueJson}). */
final class TensorJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TensorJson() {
    }

    // ---------------------------------------------------------------- in

    /**
     * {@code spec} is the value under "tensor": a nested array (or a single number: a 0-dim tensor),
     * {@code {"shape": [..], "fill": ".."}}, or {@code {"file": "x.npy"}} (a relative path is resolved against
     * {@code baseDir}). {@code dtypeName} null means float32, or the file's own dtype.
     */
    static Tensor read(JsonNode spec, String dtypeName, Device device, Path baseDir) {
        if (spec.isObject() && spec.has("file")) return fromFile(spec, dtypeName, device, baseDir);
        DType dtype = dtypeName == null ? DType.FLOAT32 : DType.parse(dtypeName);
        if (spec.isObject()) return filled(spec, dtype, device);
        if (dtype == DType.COMPLEX64 || dtype == DType.COMPLEX128) {
            throw new IllegalArgumentException("complex tensors cannot be given as JSON values; use a fill");
        }
        List<Long> shape = new ArrayList<>();
        shapeOf(spec, shape);
        long[] dims = shape.stream().mapToLong(Long::longValue).toArray();
        long n = 1;
        for (long d : dims) n = Math.multiplyExact(n, d);
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("tensor of shape " + shape + " is too large to give as JSON values");
        if (n == 0) return TensorMaker.filled(dims, TensorMaker.Fill.ZEROS, dtype, device); // no data to copy
        List<JsonNode> leaves = new ArrayList<>((int) n);
        flatten(spec, dims, 0, leaves, "");
        Tensor base = make(leaves, dims, dtype);
        if (natural(dtype) == dtype && device.isCpu()) return base;
        try (base) {
            return TensorMaker.convert(base, dtype, device);
        }
    }

    private static Tensor fromFile(JsonNode spec, String dtypeName, Device device, Path baseDir) {
        if (spec.size() != 1) throw new IllegalArgumentException("a tensor file spec holds only \"file\", e.g. {\"file\": \"x.npy\"}");
        JsonNode file = spec.get("file");
        if (!file.isTextual() || file.textValue().isBlank()) {
            throw new IllegalArgumentException("\"file\" must be a path (a .npy, or a .pt from torch.save), got " + ValueJson.describe(file));
        }
        DType dtype = dtypeName == null ? null : DType.parse(dtypeName);
        Path path = baseDir == null ? Path.of(file.textValue()) : baseDir.resolve(file.textValue());
        Tensor t = TensorFiles.read(path);
        if ((dtype == null || dtype == t.dtype()) && device.equals(t.device())) return t;
        try (t) {
            return TensorMaker.convert(t, dtype == null ? t.dtype() : dtype, device);
        }
    }

    private static Tensor filled(JsonNode spec, DType dtype, Device device) {
        for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("shape") && !f.equals("fill")) throw new IllegalArgumentException("unexpected key \"" + f + "\" in a tensor spec (expected \"shape\" and \"fill\", or \"file\")");
        }
        JsonNode shapeJson = spec.get("shape");
        if (shapeJson == null || !shapeJson.isArray()) throw new IllegalArgumentException("a tensor spec needs \"shape\": an array of sizes, e.g. {\"shape\": [2, 3], \"fill\": \"zeros\"}");
        long[] shape = new long[shapeJson.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeJson.get(i);
            if (!d.isIntegralNumber() || d.longValue() < 0) throw new IllegalArgumentException("shape entries must be sizes >= 0, got " + d);
            shape[i] = d.longValue();
        }
        JsonNode fill = spec.get("fill");
        TensorMaker.Fill f = fill == null ? TensorMaker.Fill.ZEROS : TensorMaker.Fill.parse(fill.asText());
        return TensorMaker.filled(shape, f, dtype, device);
    }

    private static void shapeOf(JsonNode node, List<Long> shape) {
        if (!node.isArray()) return;
        shape.add((long) node.size());
        if (node.size() > 0) shapeOf(node.get(0), shape);
    }

    /** Collects the leaves in row-major order, checking the nesting is rectangular. */
    private static void flatten(JsonNode node, long[] dims, int level, List<JsonNode> leaves, String at) {
        if (level == dims.length) {
            if (node.isArray()) throw new IllegalArgumentException("ragged nesting: " + (at.isEmpty() ? "the value" : "element " + at) + " is an array where a number was expected");
            if (!node.isNumber() && !node.isBoolean()) throw new IllegalArgumentException("tensor values must be numbers or booleans, element " + at + " is " + ValueJson.describe(node));
            leaves.add(node);
            return;
        }
        if (!node.isArray() || node.size() != dims[level]) {
            throw new IllegalArgumentException("ragged nesting: element " + (at.isEmpty() ? "at the top" : at) + " should be an array of " + dims[level]
                    + " but is " + ValueJson.describe(node));
        }
        for (int i = 0; i < node.size(); i++) flatten(node.get(i), dims, level + 1, leaves, at + "[" + i + "]");
    }

    /** The dtype made straight from Java arrays; the others are converted from it. */
    private static DType natural(DType dtype) {
        switch (dtype) {
            case FLOAT32: case FLOAT64: case INT32: case INT64: case BOOL: return dtype;
            case FLOAT16: case BFLOAT16: return DType.FLOAT32;
            default: return DType.INT64;
        }
    }

    private static Tensor make(List<JsonNode> leaves, long[] shape, DType dtype) {
        int n = leaves.size();
        switch (natural(dtype)) {
            case FLOAT32: {
                float[] v = new float[n];
                for (int i = 0; i < n; i++) v[i] = (float) asDouble(leaves.get(i));
                return Tensors.of(v, shape);
            }
            case FLOAT64: {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = asDouble(leaves.get(i));
                return Tensors.of(v, shape);
            }
            case INT32: {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = Math.toIntExact(asLong(leaves.get(i), dtype));
                return Tensors.of(v, shape);
            }
            case BOOL: {
                boolean[] v = new boolean[n];
                for (int i = 0; i < n; i++) {
                    JsonNode l = leaves.get(i);
                    v[i] = l.isBoolean() ? l.booleanValue() : l.doubleValue() != 0;
                }
                return Tensors.of(v, shape);
            }
            default: {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = asLong(leaves.get(i), dtype);
                return Tensors.of(v, shape);
            }
        }
    }

    private static double asDouble(JsonNode leaf) {
        return leaf.isBoolean() ? (leaf.booleanValue() ? 1 : 0) : leaf.doubleValue();
    }

    private static long asLong(JsonNode leaf, DType dtype) {
        if (leaf.isBoolean()) return leaf.booleanValue() ? 1 : 0;
        if (!leaf.isIntegralNumber()) throw new IllegalArgumentException(dtype + " tensors hold whole numbers, got " + leaf);
        return leaf.longValue();
    }

    // ---------------------------------------------------------------- out

    /**
     * {@code {"dtype", "shape", "device", "values" (up to maxValues elements), "min", "max", "mean"}}; the figures are
     * {@link TensorStats}'s, over the finite values.
     */
    static ObjectNode write(Tensor t, int maxValues) {
        ObjectNode o = NODES.objectNode();
        DType dtype = t.dtype();
        long[] shape = t.shape();
        o.put("dtype", dtype.jsonName());
        ArrayNode s = o.putArray("shape");
        for (long d : shape) s.add(d);
        o.put("device", t.device().toString());
        long numel = t.numel();
        if (numel <= maxValues && dtype != DType.COMPLEX64 && dtype != DType.COMPLEX128) o.set("values", values(t, dtype, shape));
        TensorStats stats = TensorStats.of(t).orElse(null);
        if (stats == null) {
            o.putNull("min");
            o.putNull("max");
            o.putNull("mean");
        } else if (dtype == DType.FLOAT64) {
            o.set("min", number(stats.min()));
            o.set("max", number(stats.max()));
            o.set("mean", number(stats.mean()));
        } else if (dtype.isFloatingPoint()) { // printed at the tensor's own precision, like its values
            o.set("min", number((float) stats.min()));
            o.set("max", number((float) stats.max()));
            o.set("mean", number((float) stats.mean()));
        } else {
            o.put("min", (long) stats.min());
            o.put("max", (long) stats.max());
            o.set("mean", number(stats.mean()));
        }
        return o;
    }

    private static JsonNode values(Tensor t, DType dtype, long[] shape) {
        JsonNode[] leaves;
        int n = (int) t.numel();
        leaves = new JsonNode[n];
        switch (dtype) {
            case FLOAT32: case FLOAT16: case BFLOAT16: {
                float[] v = t.toFloatArray();
                for (int i = 0; i < n; i++) leaves[i] = number(v[i]);
                break;
            }
            case FLOAT64: {
                double[] v = t.toDoubleArray();
                for (int i = 0; i < n; i++) leaves[i] = number(v[i]);
                break;
            }
            case BOOL: {
                boolean[] v = t.toBooleanArray();
                for (int i = 0; i < n; i++) leaves[i] = NODES.booleanNode(v[i]);
                break;
            }
            default: {
                long[] v = t.toLongArray();
                for (int i = 0; i < n; i++) leaves[i] = NODES.numberNode(v[i]);
            }
        }
        if (shape.length == 0) return leaves[0];
        int[] next = {0};
        return nest(leaves, shape, 0, next);
    }

    private static JsonNode nest(JsonNode[] leaves, long[] shape, int level, int[] next) {
        ArrayNode a = NODES.arrayNode();
        for (long i = 0; i < shape[level]; i++) {
            if (level == shape.length - 1) a.add(leaves[next[0]++]);
            else a.add(nest(leaves, shape, level + 1, next));
        }
        return a;
    }

    /** A float32 value as JSON, written at float precision ({@code 0.9996568}, not {@code 0.9996567964553833}). */
    static JsonNode number(float v) {
        return Float.isFinite(v) ? NODES.numberNode(v) : number((double) v);
    }

    /** A JSON number, or the strings "NaN", "Infinity", "-Infinity" that JSON has no number for. */
    static JsonNode number(double v) {
        if (Double.isNaN(v)) return NODES.textNode("NaN");
        if (Double.isInfinite(v)) return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
        return NODES.numberNode(v);
    }
}
