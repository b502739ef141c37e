package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.Torch;

import java.util.function.Consumer;

/** The worker's state between requests (the loaded module, the last outputs) and the handler of each request. */
final class WorkerSession {
    private final boolean testHooks;

    WorkerSession(boolean testHooks) {
        this.testHooks = testHooks;
    }

    JsonNode handle(String op, JsonNode request, Consumer<JsonNode> progress) throws Exception {
        return switch (op) {
            case "ping" -> WorkerJson.MAPPER.createObjectNode().put("pid", ProcessHandle.current().pid());
            case "devices" -> devices();
            case "exit", "crash" -> testHook(op, request);
            default -> throw new WorkerException(WorkerException.Kind.ERROR, "unknown worker request '" + op + "'");
        };
    }

    private static JsonNode devices() {
        ObjectNode out = WorkerJson.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("devices");
        for (Device d : Torch.devices()) list.add(d.toString());
        out.put("gpuBuild", Torch.buildConfig().contains("USE_CUDA=ON") || Torch.buildConfig().contains("CUDA Runtime"));
        return out;
    }

    private JsonNode testHook(String op, JsonNode request) {
        if (!testHooks) throw new WorkerException(WorkerException.Kind.ERROR, "unknown worker request '" + op + "'");
        if (op.equals("exit")) Runtime.getRuntime().exit(request.path("code").asInt(3));
        WorkerMain.crashNatively();
        return WorkerJson.MAPPER.nullNode();
    }
}
