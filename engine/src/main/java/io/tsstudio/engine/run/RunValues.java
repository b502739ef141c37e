package io.tsstudio.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.internal.torch.TensorMaker;
import io.tsstudio.engine.internal.torch.ValueFiles;
import io.tsstudio.engine.values.TensorFiles;
import io.tsstudio.engine.values.ValueJson;
import io.tsstudio.engine.values.ValueJsonException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run arguments and outputs as JSON, through the command line's codec ({@link ValueJson}), plus tensors read from
 * files ({@code {"file": "x.npy"}} or a {@code .pt} that {@code torch.save} wrote), which the codec does not do.
 */
final class RunValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunValues() {
    }

    static List<Object> decodeArguments(MethodInfo method, List<String> argsJson, Device device) {
        List<ArgumentInfo> declared = method.arguments();
        long required = declared.stream().filter(a -> a.defaultValue().isEmpty()).count();
        if (argsJson.size() < required || argsJson.size() > declared.size()) {
            throw new ValueJsonException(method.name() + " takes " + (required == declared.size() ? "" : required + " to ") + declared.size()
                    + " argument" + (declared.size() == 1 ? "" : "s") + " (" + String.join(", ", declared.stream().map(ArgumentInfo::name).toList())
                    + "), got " + argsJson.size());
        }
        List<Object> out = new ArrayList<>();
        try {
            for (int i = 0; i < argsJson.size(); i++) {
                ArgumentInfo a = declared.get(i);
                out.add(decode(argsJson.get(i), a, device));
            }
            return out;
        } catch (RuntimeException e) {
            out.forEach(ValueJson::closeTensors);
            throw e;
        }
    }

    private static Object decode(String json, ArgumentInfo a, Device device) {
        JsonNode file = fileSpec(json);
        if (file == null) return ValueJson.read(json, a.type(), a.name(), device);
        Tensor t;
        try {
            t = TensorFiles.read(Path.of(file.asText()));
        } catch (IllegalArgumentException e) {
            throw new ValueJsonException("argument " + a.name() + ": " + e.getMessage());
        }
        if (device.isCpu()) return t;
        try (t) {
            return TensorMaker.convert(t, t.dtype(), device);
        }
    }

    private static JsonNode fileSpec(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n != null && n.isObject() && n.size() == 1 && n.has("file") ? n.get("file") : null;
        } catch (IOException e) {
            return null; // not JSON: the codec says so in its own words
        }
    }

    /** The output as {@code tsstudio run --json} prints it. */
    static String encode(Object value) {
        return ValueJson.writeText(value);
    }

    static void savePt(Object value, Path file) throws IOException {
        ValueFiles.save(value, file);
    }
}
