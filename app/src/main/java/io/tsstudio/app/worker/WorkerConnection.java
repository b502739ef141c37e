package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import io.tsstudio.app.ipc.LocalChannel;
import io.tsstudio.app.ipc.LocalServer;
import io.tsstudio.app.ipc.PrivateDir;

import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** One running worker process and its socket: sends requests, matches replies, notices when the process dies. */
final class WorkerConnection {
    private static final int CONSOLE_LINES = 200;
    private static final int CONNECT_TIMEOUT_MS = 60_000;
    private static final int HELLO_TIMEOUT_MS = 20_000;
    private static final System.Logger LOG = System.getLogger(WorkerConnection.class.getName());
    private static final ScheduledExecutorService HELLO_TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "worker-hello-timeout");
        t.setDaemon(true);
        return t;
    });

    private record Pending(CompletableFuture<JsonNode> reply, Consumer<JsonNode> progress) {
    }

    private final Process process;
    private final Thread consoleReader;
    private final WorkerChannel channel;
    private final ArrayDeque<String> console;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<WorkerException> death = new CompletableFuture<>();

    private WorkerConnection(Process process, Thread consoleReader, WorkerChannel channel, ArrayDeque<String> console) {
        this.process = process;
        this.consoleReader = consoleReader;
        this.channel = channel;
        this.console = console;
    }

    /** Starts a worker and waits until it has connected and proved it is ours. */
    static WorkerConnection open(WorkerLaunch launch, Consumer<String> consoleListener) throws IOException {
        return open(launch, consoleListener, address -> { });
    }

    /**
     * As {@link #open(WorkerLaunch, Consumer)}; {@code listening} learns the channel's address before the worker
     * starts (tests use it to connect first, as another local process could).
     */
    static WorkerConnection open(WorkerLaunch launch, Consumer<String> consoleListener, Consumer<String> listening) throws IOException {
        String secret = LocalServer.newSecret();
        try (LocalServer server = LocalServer.openEphemeral(PrivateDir.runtimeBase())) {
            listening.accept(server.address());
            ProcessBuilder pb = new ProcessBuilder(launch.command(server.address())).redirectErrorStream(true);
            pb.environment().put(WorkerLaunch.SECRET_ENV, secret);
            Process process = pb.start();
            ArrayDeque<String> console = new ArrayDeque<>();
            Thread consoleReader = daemon("worker-console-" + process.pid(), () -> drain(process, console, consoleListener));
            consoleReader.start();
            WorkerChannel channel = acceptWorker(server, secret, process, consoleReader, console);
            WorkerConnection c = new WorkerConnection(process, consoleReader, channel, console);
            daemon("worker-reader-" + process.pid(), c::readReplies).start();
            return c;
        }
    }

    /**
     * Waits for the worker's connection. A connection that does not open with the secret and the worker's pid
     * (another local process that found the port, in the TCP fallback) is closed at once and changes nothing: no
     * request reaches it, and the worker is neither killed nor replaced; the real worker is still awaited.
     */
    private static WorkerChannel acceptWorker(LocalServer server, String secret, Process process, Thread consoleReader,
                                              ArrayDeque<String> console) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECT_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            SocketChannel socket = server.accept(200);
            if (socket == null) {
                if (!process.isAlive()) {
                    waitForConsole(consoleReader);
                    throw WorkerExit.describe(process.exitValue(), snapshot(console));
                }
                continue;
            }
            WorkerChannel channel = new WorkerChannel(new LocalChannel(socket));
            if (provesWorker(channel, secret, process.pid())) return channel;
            channel.close();
            LOG.log(System.Logger.Level.WARNING, "refused a connection to the worker channel that did not prove it is the worker"
                    + (process.isAlive() ? "" : " (the worker process has ended)"));
        }
        process.destroyForcibly();
        throw new IOException("the worker process did not connect within " + CONNECT_TIMEOUT_MS / 1000 + " s");
    }

    /** Reads the hello, giving up after a few seconds so that a silent connection cannot hold the channel. */
    private static boolean provesWorker(WorkerChannel channel, String secret, long pid) {
        ScheduledFuture<?> timeout = HELLO_TIMER.schedule(channel::close, HELLO_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try {
            JsonNode hello = channel.receive();
            return hello != null && LocalServer.sameSecret(secret, hello.path("hello").asText(null)) && hello.path("pid").asLong() == pid;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            timeout.cancel(false);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive() && !ended.get();
    }

    /** Completes with the reason when the process ends on its own; never when it was killed or shut down. */
    CompletableFuture<WorkerException> death() {
        return death;
    }

    List<String> consoleTail() {
        return snapshot(console);
    }

    /** Sends {@code request} (an object with an {@code op}); the reply's {@code result}, or a {@link WorkerException}. */
    CompletableFuture<JsonNode> request(ObjectNode request, Consumer<JsonNode> progress) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        if (ended.get()) {
            reply.completeExceptionally(new WorkerException(WorkerException.Kind.CRASHED, "the worker process has ended"));
            return reply;
        }
        pending.put(id, new Pending(reply, progress));
        try {
            channel.send(request.deepCopy().put("id", id));
        } catch (IOException e) {
            pending.remove(id);
            reply.completeExceptionally(new WorkerException(WorkerException.Kind.CRASHED, "the worker process is not reachable: " + e.getMessage()));
        }
        return reply;
    }

    /** Kills the process at once; outstanding requests end with {@link CancellationException}. */
    void kill() {
        if (ended.compareAndSet(false, true)) {
            process.destroyForcibly();
            channel.close();
            failAll(new CancellationException("cancelled"));
        }
    }

    /** Asks the worker to exit, and kills it if it has not within a second. */
    void shutdown() {
        if (ended.compareAndSet(false, true)) {
            try {
                channel.send(WorkerJson.MAPPER.createObjectNode().put("op", "shutdown").put("id", 0));
                process.waitFor(1, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // it is going away either way
            }
            process.destroyForcibly();
            channel.close();
            failAll(new CancellationException("worker shut down"));
        }
    }

    private void readReplies() {
        try {
            JsonNode msg;
            while ((msg = channel.receive()) != null) {
                Pending p = pending.get(msg.path("id").asLong());
                if (p == null) continue;
                if (msg.has("progress")) {
                    p.progress().accept(msg.get("progress"));
                } else if (msg.path("ok").asBoolean()) {
                    pending.remove(msg.path("id").asLong());
                    p.reply().complete(msg.path("result"));
                } else {
                    pending.remove(msg.path("id").asLong());
                    p.reply().completeExceptionally(new WorkerException(
                            WorkerException.Kind.valueOf(msg.path("kind").asText("ERROR")), msg.path("error").asText("unknown error")));
                }
            }
        } catch (IOException e) {
            // the socket broke: the process is gone or going; handled below like an end of stream
        }
        if (ended.compareAndSet(false, true)) {
            Integer code = null;
            try {
                if (process.waitFor(3, TimeUnit.SECONDS)) code = process.exitValue();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            waitForConsole(consoleReader);
            WorkerException why = WorkerExit.describe(code, snapshot(console));
            // Replace the worker before telling the callers, so that their next request finds the new one.
            death.complete(why);
            failAll(why);
        }
    }

    private void failAll(RuntimeException why) {
        for (Long id : new ArrayList<>(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) p.reply().completeExceptionally(why);
        }
    }

    private static void drain(Process process, ArrayDeque<String> console, Consumer<String> listener) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (console) {
                    if (console.size() == CONSOLE_LINES) console.removeFirst();
                    console.addLast(line);
                }
                listener.accept(line);
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    /** Lets the console reader take the dying process's last words (a JVM crash report) before we quote them. */
    private static void waitForConsole(Thread consoleReader) {
        try {
            consoleReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> snapshot(ArrayDeque<String> console) {
        synchronized (console) {
            return new ArrayList<>(console);
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
