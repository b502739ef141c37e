package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import io.tsstudio.app.ipc.LocalChannel;

import java.lang.reflect.Field;
import java.util.function.Consumer;

/**
 * The worker process ({@code Launcher worker --connect ADDRESS}, its secret in the environment variable
 * {@value WorkerLaunch#SECRET_ENV}): connects back to the app over the local channel (a Unix-domain socket in a
 * private directory, or loopback TCP where those are missing) and serves one request at a time until the app says
 * {@code shutdown} or goes away. A cancel is the app killing it.
 *
 * <p>Protocol: one JSON object per line each way. The worker first sends {@code {"hello": SECRET, "pid": N}}. Requests
 * are {@code {"id": N, "op": ...}} with op {@code ping}, {@code devices}, {@code load} (path, device),
 * {@code run} (method, args: JSON texts as {@code tsstudio run --arg} takes them, warmup, iterations, concurrency),
 * {@code save} (file, path: child indices into the last output), {@code shutdown}. Replies are
 * {@code {"id": N, "ok": true, "result": ...}} or {@code {"id": N, "ok": false, "kind": ERROR|OUT_OF_MEMORY, "error": TEXT}};
 * a run also sends {@code {"id": N, "progress": {"phase", "done", "total"}}} at most every 50 ms.
 * {@code observe} (as run, plus keepBytes) runs once through the observing executor and returns the outcome, the
 * records and the values by key; {@code value} (key or node) gives one of them as an output tree. {@code debug} (as
 * observe, plus breakpoints and stepFirst) is a stepped run: it sends {@code {"paused": FRAME}} progress at each
 * pause and replies when the run ends, while {@code debug-step} (how: over, into, out, continue),
 * {@code debug-breakpoints} and {@code debug-stop} are served meanwhile.
 * {@code diff} (a, b: model files; method; args, empty for inputs proposed from a; rtol, atol, keepBytes) runs both
 * models observed and replies {@code {"numeric": ..., "inputs": TEXT}} ({@link NumericDiffJson}).
 */
public final class WorkerMain {
    static final String TEST_HOOKS_PROPERTY = "tsstudio.worker.testHooks";
    static final String LIBRARIES_PROPERTY = "tsstudio.worker.operatorLibraries";

    private WorkerMain() {
    }

    /** Returns the process exit status. */
    public static int run(String[] args) {
        String address = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--connect")) {
                address = args[i + 1];
            } else {
                return usage("unknown option " + args[i]);
            }
        }
        String secret = System.getenv(WorkerLaunch.SECRET_ENV);
        if (address == null || secret == null || secret.isBlank()) return usage("--connect and the " + WorkerLaunch.SECRET_ENV + " environment variable are required");
        // Whatever a model or library prints belongs to the console, never to the protocol.
        PrintStream err = System.err;
        System.setOut(err);
        loadOperatorLibraries(err);
        // The hello is ready before connecting: the app gives a silent connection only a few seconds.
        ObjectNode hello = WorkerJson.MAPPER.createObjectNode().put("hello", secret).put("pid", ProcessHandle.current().pid());
        WorkerJson.line(hello);
        try (WorkerChannel channel = new WorkerChannel(LocalChannel.connect(address))) {
            channel.send(hello);
            serve(channel, new WorkerSession(Boolean.getBoolean(TEST_HOOKS_PROPERTY)));
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("worker: lost the connection to the app: " + e.getMessage());
            return 1;
        }
    }

    /** The app's operator libraries, before any model: a library that fails is reported and skipped. */
    private static void loadOperatorLibraries(PrintStream err) {
        String list = System.getProperty(LIBRARIES_PROPERTY, "");
        for (String l : list.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
            if (l.isBlank()) continue;
            try {
                io.tsstudio.engine.ops.OperatorLibraries.load(java.nio.file.Path.of(l));
            } catch (RuntimeException e) {
                err.println("worker: " + e.getMessage());
            }
        }
    }

    private static int usage(String why) {
        System.err.println("worker: " + why + "\nusage: tsstudio worker --connect ADDRESS  (started by the studio, not by hand)");
        return 2;
    }

    private static void serve(WorkerChannel channel, WorkerSession session) throws IOException {
        JsonNode request;
        while ((request = channel.receive()) != null) {
            long id = request.path("id").asLong();
            String op = request.path("op").asText();
            if (op.equals("shutdown")) break;
            Consumer<JsonNode> progress = p -> {
                try {
                    channel.send(WorkerJson.MAPPER.createObjectNode().put("id", id).set("progress", p));
                } catch (IOException ignored) {
                    // the app went away; the reply will fail the same way and end the loop
                }
            };
            if (op.equals("debug")) {
                // A stepped run replies when it ends; meanwhile this loop serves its step and stop commands.
                session.debug(request, progress, (result, error) -> {
                    try {
                        channel.send(reply(id, () -> {
                            if (error != null) throw error;
                            return result;
                        }));
                    } catch (IOException ignored) {
                        // the app went away
                    }
                });
                continue;
            }
            JsonNode req = request;
            channel.send(reply(id, () -> session.handle(op, req, progress)));
        }
    }

    private interface Handler {
        JsonNode handle() throws Exception;
    }

    private static ObjectNode reply(long id, Handler handler) {
        ObjectNode reply = WorkerJson.MAPPER.createObjectNode().put("id", id);
        try {
            reply.put("ok", true).set("result", handler.handle());
        } catch (OutOfMemoryError e) {
            reply.put("ok", false).put("kind", WorkerException.Kind.OUT_OF_MEMORY.name())
                    .put("error", "The worker ran out of Java memory while handling the result (" + e.getMessage() + ").");
        } catch (WorkerException e) {
            reply.put("ok", false).put("kind", e.kind().name()).put("error", e.getMessage());
        } catch (Exception e) {
            WorkerException plain = WorkerErrors.explain(e);
            reply.put("ok", false).put("kind", plain.kind().name()).put("error", plain.getMessage());
        }
        return reply;
    }

    /** Test hook: a real native crash (a read from address 0), as a bad LibTorch kernel would cause. */
    static void crashNatively() {
        try {
            Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            unsafe.getClass().getMethod("getLong", long.class).invoke(unsafe, 0L);
        } catch (ReflectiveOperationException e) {
            Runtime.getRuntime().halt(134);
        }
    }
}
