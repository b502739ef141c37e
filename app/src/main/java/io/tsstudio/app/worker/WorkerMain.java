package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.Socket;

/**
 * The worker process ({@code Launcher worker --port N --token T}): connects back to the app over loopback and
 * serves one request at a time until the app says {@code shutdown} or goes away. A cancel is the app killing it.
 *
 * <p>Protocol: one JSON object per line each way. The worker first sends {@code {"hello": TOKEN, "pid": N}}. Requests
 * are {@code {"id": N, "op": ...}} with op {@code ping}, {@code devices}, {@code load} (path, device),
 * {@code run} (method, args: JSON texts as {@code tsstudio run --arg} takes them, warmup, iterations, concurrency),
 * {@code save} (file, path: child indices into the last output), {@code shutdown}. Replies are
 * {@code {"id": N, "ok": true, "result": ...}} or {@code {"id": N, "ok": false, "kind": ERROR|OUT_OF_MEMORY, "error": TEXT}};
 * a run also sends {@code {"id": N, "progress": {"phase", "done", "total"}}} at most every 50 ms.
 */
public final class WorkerMain {
    static final String TEST_HOOKS_PROPERTY = "tsstudio.worker.testHooks";
    static final String LIBRARIES_PROPERTY = "tsstudio.worker.operatorLibraries";

    private WorkerMain() {
    }

    /** Returns the process exit status. */
    public static int run(String[] args) {
        int port = -1;
        String token = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--token" -> token = args[i + 1];
                default -> {
                    return usage("unknown option " + args[i]);
                }
            }
        }
        if (port <= 0 || token == null) return usage("--port and --token are required");
        // Whatever a model or library prints belongs to the console, never to the protocol.
        PrintStream err = System.err;
        System.setOut(err);
        loadOperatorLibraries(err);
        try (WorkerChannel channel = new WorkerChannel(new Socket(InetAddress.getLoopbackAddress(), port))) {
            channel.send(WorkerJson.MAPPER.createObjectNode().put("hello", token).put("pid", ProcessHandle.current().pid()));
            serve(channel, new WorkerSession(Boolean.getBoolean(TEST_HOOKS_PROPERTY)));
            return 0;
        } catch (IOException e) {
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
        System.err.println("worker: " + why + "\nusage: tsstudio worker --port N --token T  (started by the studio, not by hand)");
        return 2;
    }

    private static void serve(WorkerChannel channel, WorkerSession session) throws IOException {
        JsonNode request;
        while ((request = channel.receive()) != null) {
            long id = request.path("id").asLong();
            String op = request.path("op").asText();
            if (op.equals("shutdown")) break;
            ObjectNode reply = WorkerJson.MAPPER.createObjectNode().put("id", id);
            try {
                JsonNode result = session.handle(op, request, progress -> {
                    try {
                        channel.send(WorkerJson.MAPPER.createObjectNode().put("id", id).set("progress", progress));
                    } catch (IOException ignored) {
                        // the app went away; the reply below will fail the same way and end the loop
                    }
                });
                reply.put("ok", true).set("result", result);
            } catch (OutOfMemoryError e) {
                reply.put("ok", false).put("kind", WorkerException.Kind.OUT_OF_MEMORY.name())
                        .put("error", "The worker ran out of Java memory while handling the result (" + e.getMessage() + ").");
            } catch (WorkerException e) {
                reply.put("ok", false).put("kind", e.kind().name()).put("error", e.getMessage());
            } catch (Exception e) {
                WorkerException plain = WorkerErrors.explain(e);
                reply.put("ok", false).put("kind", plain.kind().name()).put("error", plain.getMessage());
            }
            channel.send(reply);
        }
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
