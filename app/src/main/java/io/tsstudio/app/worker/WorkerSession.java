package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.diff.InputsDiff;
import io.tsstudio.engine.diff.ModelDiffer;
import io.tsstudio.engine.diff.Tolerance;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.ModelSession;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.ObserveOptions;
import io.tsstudio.engine.observe.ObservedSession;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.ui.observe.ObservedRun;
import io.tsstudio.ui.observe.ValueKeys;
import java.util.Map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The worker's state between requests (the loaded module, the last outputs) and the handler of each request. */
final class WorkerSession {
    /** Progress goes out at most this often, so a benchmark of tiny calls does not flood the socket. */
    private static final long PROGRESS_EVERY_NANOS = 50_000_000L;

    private final boolean testHooks;
    /** What an observed run may keep of intermediate tensors, for the values the studio asks for afterwards. */
    static final long DEFAULT_KEEP_BYTES = 256L << 20;

    private final ModelSession session = new ModelSession();
    private final ObservedSession observed = new ObservedSession(session);
    /** The last observed run's values by value key (kept tensors open until the next observed run). */
    private Map<String, ObservedValue> lastValues = Map.of();
    private volatile WorkerDebugger debugger;

    WorkerSession(boolean testHooks) {
        this.testHooks = testHooks;
    }

    JsonNode handle(String op, JsonNode request, Consumer<JsonNode> progress) throws Exception {
        if (debugger != null && !op.startsWith("debug-") && !op.equals("ping")) {
            throw new WorkerException(WorkerException.Kind.ERROR, "The debugger is running a method: stop it first.");
        }
        return switch (op) {
            case "ping" -> WorkerJson.MAPPER.createObjectNode().put("pid", ProcessHandle.current().pid());
            case "devices" -> devices();
            case "load" -> WorkerMessages.methods(session.load(Path.of(request.path("path").asText()),
                    Device.parse(request.path("device").asText("cpu"))));
            case "propose" -> WorkerMessages.proposals(session.propose(request.path("method").asText("forward")));
            case "run" -> WorkerMessages.outcome(session.run(WorkerMessages.run(request), throttled(progress), CancelToken.none()));
            case "save" -> save(request);
            case "observe" -> ObservationJson.observedRun(observe(request, ObserveOptions.keeping(keepBytes(request)), CancelToken.none()));
            case "value" -> value(request);
            case "diff" -> diff(request);
            case "debug-step" -> debugStep(request);
            case "debug-breakpoints" -> {
                WorkerDebugger d = debugger;
                if (d != null) d.setBreakpoints(request.path("breakpoints"));
                yield WorkerJson.MAPPER.nullNode();
            }
            case "debug-stop" -> {
                WorkerDebugger d = debugger;
                if (d != null) d.stop();
                yield WorkerJson.MAPPER.nullNode();
            }
            case "exit", "crash" -> testHook(op, request);
            default -> throw new WorkerException(WorkerException.Kind.ERROR, "unknown worker request '" + op + "'");
        };
    }

    private ObservedRun observe(JsonNode request, ObserveOptions options, CancelToken token) throws Exception {
        ObservedSession.Outcome o = observed.observe(WorkerMessages.run(request), options, token);
        lastValues = ObservedValueMap.of(session.module(), o.observation(), o.arguments());
        return new ObservedRun(o.outcome(), o.observation(), lastValues);
    }

    /**
     * Both model files loaded here, {@code method} of both run on the given arguments (or inputs proposed from the
     * first) and compared: {@code {"numeric": NumericDiffJson, "inputs": TEXT}}. The session's loaded model stays.
     */
    private static JsonNode diff(JsonNode request) {
        List<String> args = new ArrayList<>();
        request.path("args").forEach(a -> args.add(a.asText()));
        Tolerance tolerance = new Tolerance(request.path("rtol").asDouble(Tolerance.DEFAULT.rtol()),
                request.path("atol").asDouble(Tolerance.DEFAULT.atol()));
        try (ScriptModule a = Jit.load(Path.of(request.path("a").asText()));
             ScriptModule b = Jit.load(Path.of(request.path("b").asText()))) {
            InputsDiff.Result r = InputsDiff.run(a, b, request.path("method").asText("forward"), args, tolerance,
                    request.path("keepBytes").asLong(ModelDiffer.DEFAULT_KEEP_BYTES), CancelToken.none());
            ObjectNode out = WorkerJson.MAPPER.createObjectNode();
            out.set("numeric", NumericDiffJson.json(r.numeric()));
            return out.put("inputs", r.inputs());
        }
    }

    private static long keepBytes(JsonNode request) {
        return request.path("keepBytes").asLong(DEFAULT_KEEP_BYTES);
    }

    /** One value of the last observed run, by value key or node key, as the outputs view shows it. */
    private JsonNode value(JsonNode request) {
        Observation last = observed.last();
        if (last == null) throw new WorkerException(WorkerException.Kind.ERROR, "There is no observed run yet: run the model with Observe on.");
        if (request.has("key")) {
            ObservedValue v = lastValues.get(request.get("key").asText());
            if (v == null) throw new WorkerException(WorkerException.Kind.ERROR, "The last run did not observe " + request.get("key").asText() + ".");
            return WorkerJson.MAPPER.valueToTree(ObservedValueTrees.tree("value", v));
        }
        String key = request.path("node").asText();
        for (NodeRecord n : last.nodes()) {
            if (!ValueKeys.node(n.module(), n.method(), n.nodeId()).equals(key)) continue;
            if (n.outputs().size() == 1) return WorkerJson.MAPPER.valueToTree(ObservedValueTrees.tree("output", n.outputs().get(0)));
            List<OutputNode> children = new ArrayList<>();
            for (int i = 0; i < n.outputs().size(); i++) children.add(ObservedValueTrees.tree("[" + i + "]", n.outputs().get(i)));
            return WorkerJson.MAPPER.valueToTree(new OutputNode("outputs", "tuple", n.outputs().size() + " outputs", null, children));
        }
        throw new WorkerException(WorkerException.Kind.ERROR, "The last run did not run node " + key + ".");
    }

    /**
     * Starts a stepped run on a thread of its own and returns at once: pauses go out as progress messages
     * ({@code {"paused": FRAME}}), the run's end as {@code done} (what {@code observe} returns) or {@code failed}.
     * Meanwhile the request loop serves the {@code debug-*} commands.
     */
    void debug(JsonNode request, Consumer<JsonNode> progress, java.util.function.BiConsumer<JsonNode, Exception> done) {
        if (debugger != null) {
            done.accept(null, new WorkerException(WorkerException.Kind.ERROR, "The debugger is already running a method."));
            return;
        }
        WorkerDebugger.Mode first = request.path("stepFirst").asBoolean(true) ? WorkerDebugger.Mode.STEP_INTO : WorkerDebugger.Mode.CONTINUE;
        WorkerDebugger d = new WorkerDebugger(first, request.path("breakpoints"),
                f -> progress.accept(WorkerJson.MAPPER.createObjectNode().set("paused", ObservationJson.frame(f))));
        debugger = d;
        Thread t = new Thread(() -> {
            JsonNode result = null;
            Exception error = null;
            try {
                result = ObservationJson.observedRun(observe(request, ObserveOptions.keeping(keepBytes(request)).withStepper(d), d.token()));
            } catch (Exception e) {
                error = d.token().isCancelled() ? new WorkerException(WorkerException.Kind.ERROR, "Stopped.") : e;
            } finally {
                debugger = null;
            }
            // A stop leaves this thread's interrupt flag set (the executor restores it); a write to the socket channel
            // from an interrupted thread closes the channel (ClosedByInterruptException), which ended the worker.
            Thread.interrupted();
            done.accept(result, error);
        }, "worker-debug");
        t.setDaemon(true);
        t.start();
    }

    private JsonNode debugStep(JsonNode request) {
        WorkerDebugger d = debugger;
        if (d == null) throw new WorkerException(WorkerException.Kind.ERROR, "The debugger is not running.");
        d.command(switch (request.path("how").asText()) {
            case "over" -> WorkerDebugger.Mode.STEP_OVER;
            case "into" -> WorkerDebugger.Mode.STEP_INTO;
            case "out" -> WorkerDebugger.Mode.STEP_OUT;
            case "continue" -> WorkerDebugger.Mode.CONTINUE;
            default -> throw new WorkerException(WorkerException.Kind.ERROR, "unknown step '" + request.path("how").asText() + "'");
        });
        return WorkerJson.MAPPER.nullNode();
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
