package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.ModelSession;
import io.tsstudio.engine.run.RunListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The worker's state between requests (the loaded module, the last outputs) and the handler of each request. */
final class WorkerSession {
    /** Progress goes out at most this often, so a benchmark of tiny calls does not flood the socket. */
    private static final long PROGRESS_EVERY_NANOS = 50_000_000L;

    private final boolean testHooks;
    private final ModelSession session = new ModelSession();

    WorkerSession(boolean testHooks) {
        this.testHooks = testHooks;
    }

    JsonNode handle(String op, JsonNode request, Consumer<JsonNode> progress) throws Exception {
        return switch (op) {
            case "ping" -> WorkerJson.MAPPER.createObjectNode().put("pid", ProcessHandle.current().pid());
            case "devices" -> devices();
            case "load" -> WorkerMessages.methods(session.load(Path.of(request.path("path").asText()),
                    Device.parse(request.path("device").asText("cpu"))));
            case "propose" -> WorkerMessages.proposals(session.propose(request.path("method").asText("forward")));
            case "run" -> WorkerMessages.outcome(session.run(WorkerMessages.run(request), throttled(progress), CancelToken.none()));
            case "save" -> save(request);
            case "exit", "crash" -> testHook(op, request);
            default -> throw new WorkerException(WorkerException.Kind.ERROR, "unknown worker request '" + op + "'");
        };
    }

    private JsonNode save(JsonNode request) throws Exception {
        List<Integer> path = new ArrayList<>();
        request.path("path").forEach(i -> path.add(i.asInt()));
        session.saveOutput(path, Path.of(request.path("file").asText()));
        return WorkerJson.MAPPER.nullNode();
    }

    private static RunListener throttled(Consumer<JsonNode> progress) {
        long[] last = {0};
        return (phase, done, total) -> {
            long now = System.nanoTime();
            synchronized (last) {
                if (done < total && now - last[0] < PROGRESS_EVERY_NANOS) return;
                last[0] = now;
            }
            progress.accept(WorkerJson.MAPPER.createObjectNode().put("phase", phase.name()).put("done", done).put("total", total));
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
