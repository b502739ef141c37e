package io.tsstudio.app.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.app.ipc.LocalChannel;
import io.tsstudio.app.ipc.LocalServer;
import io.tsstudio.app.ipc.PrivateDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One studio per user and data folder: {@code tsstudio FILE} while a studio runs hands FILE to it and exits. The
 * channel follows the worker's rules ({@link LocalServer}): a Unix-domain socket in a directory only this user can
 * open; where those are missing, loopback TCP whose port and secret are in a file in the user's own data folder.
 * One request per connection: {@code {"open": [absolute paths], "secret": S, "probe": false}} answered by
 * {@code {"ok": true, "pid": N}}; a probe ({@code "probe": true}) only asks whether a studio is alive.
 */
public final class SingleInstance implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SingleInstance.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUEST_TIMEOUT_MS = 10_000;

    private final LocalServer server;
    private final Path endpointFile;
    private final String secret;
    private final Consumer<List<Path>> open;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    private SingleInstance(LocalServer server, Path endpointFile, String secret, Consumer<List<Path>> open) {
        this.server = server;
        this.endpointFile = endpointFile;
        this.secret = secret;
        this.open = open;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "single-instance-timeout"));
        daemon(this::serve, "single-instance").start();
    }

    /** Where the channel of the studio using {@code dataDir} lives: the socket (Unix) or the endpoint file (TCP). */
    record Location(Path socket, Path endpointFile, Path lockFile) {
        static Location of(Path dataDir) throws IOException {
            Path data = dataDir.toAbsolutePath().normalize();
            String key = String.format("%08x", data.toString().hashCode());
            Path endpoint = data.resolve("instance.endpoint");
            if (!LocalServer.unixSupported()) return new Location(null, endpoint, data.resolve("instance.lock"));
            // Socket paths are limited to about 100 bytes, so not under a deep data folder: a private runtime folder.
            Path dir = PrivateDir.ensure(PrivateDir.runtimeBase().resolve("tsstudio-" + System.getProperty("user.name", "user")));
            return new Location(dir.resolve("studio-" + key + ".sock"), endpoint, dir.resolve("studio-" + key + ".lock"));
        }
    }

    /**
     * Hands {@code files} to the studio already running on {@code dataDir}. Returns its pid, or -1 when none runs
     * (or it does not answer), in which case this process becomes the studio.
     */
    public static long forward(Path dataDir, List<Path> files) {
        try {
            return send(Location.of(dataDir), files, false);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long probe(Location at) {
        try {
            return send(at, List.of(), true);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long send(Location at, List<Path> files, boolean probe) throws IOException {
        {
            String address;
            String secret = "";
            if (at.socket() != null) {
                if (!Files.exists(at.socket())) return -1;
                address = "unix:" + at.socket();
            } else {
                if (!Files.isRegularFile(at.endpointFile())) return -1;
                String[] e = Files.readString(at.endpointFile(), StandardCharsets.UTF_8).trim().split(" ");
                address = e[0];
                secret = e.length > 1 ? e[1] : "";
            }
            // The request is ready before connecting: the studio gives a silent connection only a few seconds.
            ObjectNode req = JSON.createObjectNode().put("secret", secret).put("probe", probe);
            var list = req.putArray("open");
            files.forEach(f -> list.add(f.toAbsolutePath().normalize().toString()));
            String line = JSON.writeValueAsString(req);
            try (LocalChannel c = LocalChannel.connect(address)) {
                c.sendLine(line);
                String reply = c.readLine();
                JsonNode r = reply == null ? null : JSON.readTree(reply);
                return r != null && r.path("ok").asBoolean() ? r.path("pid").asLong() : -1;
            }
        }
    }

    /**
     * Starts answering {@link #forward} for {@code dataDir}; {@code open} gets each request's files (on the channel's
     * thread). Returns null when another studio took the channel first (then this one runs on its own).
     */
    public static SingleInstance listen(Path dataDir, Consumer<List<Path>> open) throws IOException {
        Location at = Location.of(dataDir);
        Files.createDirectories(at.lockFile().getParent());
        // The check for a live studio, the removal of a dead one's socket and the bind happen under one lock, so two
        // studios starting together cannot both decide that nobody is listening.
        try (FileChannel ch = FileChannel.open(at.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            if (probe(at) > 0) return null;
            String secret = LocalServer.newSecret();
            LocalServer server;
            if (at.socket() != null) {
                Files.deleteIfExists(at.socket()); // a studio that was killed leaves its socket file
                server = LocalServer.openAt(at.socket());
            } else {
                server = LocalServer.openAt(null);
                writePrivately(at.endpointFile(), server.address() + " " + secret);
            }
            return new SingleInstance(server, at.socket() == null ? at.endpointFile() : null, secret, open);
        }
    }

    private static void writePrivately(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp" + ProcessHandle.current().pid());
        Files.deleteIfExists(tmp);
        if (PrivateDir.supported()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void serve() {
        while (!closed) {
            try {
                SocketChannel s = server.accept(500);
                if (s != null) handle(new LocalChannel(s));
            } catch (IOException | RuntimeException e) {
                if (!closed) LOG.log(System.Logger.Level.WARNING, "single-instance channel: " + e.getMessage());
            }
        }
    }

    private void handle(LocalChannel c) {
        ScheduledFuture<?> timeout = timer.schedule(c::close, REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try (c) {
            String line = c.readLine();
            if (line == null) return;
            JsonNode req = JSON.readTree(line);
            // Over a Unix socket the private directory already keeps other users out; over TCP the secret does.
            if (endpointFile != null && !LocalServer.sameSecret(secret, req.path("secret").asText(null))) {
                LOG.log(System.Logger.Level.WARNING, "refused a single-instance request without the secret");
                return;
            }
            List<Path> files = new ArrayList<>();
            req.path("open").forEach(f -> files.add(Path.of(f.asText())));
            // A probe only asks whether a studio is alive; a request, even without files, brings the window up.
            if (!req.path("probe").asBoolean()) open.accept(files);
            c.sendLine(JSON.writeValueAsString(JSON.createObjectNode().put("ok", true).put("pid", ProcessHandle.current().pid())));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "single-instance request failed: " + e.getMessage());
        } finally {
            timeout.cancel(false);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.close();
        timer.shutdownNow();
        try {
            if (endpointFile != null) Files.deleteIfExists(endpointFile);
        } catch (IOException ignored) {
            // a stale endpoint file only makes the next start try a port nobody answers on
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
