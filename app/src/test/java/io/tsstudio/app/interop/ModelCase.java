package io.tsstudio.app.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.values.NpyWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code run_model.py} is asked to do with one file: how to load it, and which methods to call on which
 * arguments. Tensor arguments travel as .npy files written by the studio's own writer.
 */
final class ModelCase {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Path dir;
    private final ObjectNode json = NODES.objectNode();
    private final ArrayNode calls;
    private int tensors;

    private ModelCase(Path dir, Path file, String loader) {
        this.dir = dir;
        json.put("file", file.toString());
        json.put("loader", loader);
        json.putArray("extra_files");
        calls = json.putArray("calls");
    }

    /** Loaded with {@code torch.jit.load}. */
    static ModelCase jit(Path dir, Path file) {
        return new ModelCase(dir, file, "jit");
    }

    /** Loaded with {@code torch.jit.mobile._load_for_lite_interpreter}. */
    static ModelCase lite(Path dir, Path file) {
        return new ModelCase(dir, file, "lite");
    }

    ModelCase extraFile(String name) {
        ((ArrayNode) json.get("extra_files")).add(name);
        return this;
    }

    /** Calls {@code method} in train or eval mode (ignored by the lite interpreter). */
    ModelCase call(String method, boolean train, Object... args) throws IOException {
        return callOn("", method, train, args);
    }

    /** Calls {@code method} of the submodule at {@code path} (dotted; "" for the model itself). */
    ModelCase callOn(String path, String method, boolean train, Object... args) throws IOException {
        ObjectNode c = calls.addObject();
        c.put("module", path);
        c.put("method", method);
        c.put("train", train);
        ArrayNode a = c.putArray("args");
        for (Object arg : args) a.add(encode(arg));
        return this;
    }

    /** PyTorch's answer: {@code torch}, {@code version}, {@code extra_files}, {@code results} (one per call). */
    JsonNode runInPyTorch() throws IOException {
        return PyTorch.runModel(dir, json);
    }

    private JsonNode encode(Object v) throws IOException {
        if (v instanceof Tensor t) {
            Path npy = dir.resolve("arg" + (tensors++) + ".npy");
            NpyWriter.write(t, npy);
            ObjectNode o = NODES.objectNode();
            o.put("npy", npy.toString());
            return o;
        }
        if (v instanceof JitTuple t) {
            ObjectNode o = NODES.objectNode();
            ArrayNode items = o.putArray("tuple");
            for (Object e : t.values()) items.add(encode(e));
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode();
            for (Object e : l) a.add(encode(e));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            ArrayNode pairs = o.putArray("dict");
            for (Map.Entry<?, ?> e : m.entrySet()) pairs.addArray().add(encode(e.getKey())).add(encode(e.getValue()));
            return o;
        }
        if (v == null) return NODES.nullNode();
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof Long || v instanceof Integer) return NODES.numberNode(((Number) v).longValue());
        if (v instanceof Double d) return NODES.numberNode(d);
        if (v instanceof String s) return NODES.textNode(s);
        throw new IllegalArgumentException("no PyTorch form for " + v.getClass());
    }
}
