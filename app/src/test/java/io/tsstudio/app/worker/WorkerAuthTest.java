package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsstudio.app.ipc.LocalChannel;
import io.tsstudio.app.ipc.LocalServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13: the worker's secret never appears on its command line, its Unix-domain socket sits in a directory only
 * this user can open, and a connection that does not prove it is the worker (another local process that connects
 * first) is refused and changes nothing: it receives no request, and the real worker is accepted and kept.
 */
class WorkerAuthTest {
    /** What a foreign client saw: every line the studio sent it, until the studio closed the connection. */
    private static CompletableFuture<List<String>> intrude(String address, String hello) {
        return CompletableFuture.supplyAsync(() -> {
            List<String> received = new ArrayList<>();
            try (LocalChannel c = LocalChannel.connect(address)) {
                c.sendLine(hello);
                String line;
                while ((line = c.readLine()) != null) received.add(line);
            } catch (Exception e) {
                received.add("error: " + e);
            }
            return received;
        });
    }

    @Test
    void overLoopbackTcpAConnectionWithoutTheSecretIsRefusedAndTheWorkerIsKept() throws Exception {
        System.setProperty(LocalServer.TRANSPORT_PROPERTY, "tcp");
        List<CompletableFuture<List<String>>> intruders = new ArrayList<>();
        WorkerConnection c;
        try {
            c = WorkerConnection.open(WorkerLaunch.sameAsThisProcess(), line -> { }, address -> {
                assertTrue(address.startsWith("tcp:"), address);
                // Both connect before the worker JVM is even up, so the studio meets them first.
                intruders.add(intrude(address, "{\"hello\":\"guessed\",\"pid\":" + ProcessHandle.current().pid() + "}"));
                intruders.add(intrude(address, "not json at all"));
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } finally {
            System.clearProperty(LocalServer.TRANSPORT_PROPERTY);
        }
        try {
            for (CompletableFuture<List<String>> i : intruders) {
                assertEquals(List.of(), i.get(30, TimeUnit.SECONDS), "a refused connection is closed without being sent anything");
            }
            assertTrue(c.isAlive(), "the worker was not killed");
            JsonNode ping = c.request(WorkerMessages.op("ping"), p -> { }).get(60, TimeUnit.SECONDS);
            assertEquals(c.pid(), ping.path("pid").asLong(), "the answer comes from the worker process the studio started");
            assertSecretNotOnCommandLine(c.pid());
        } finally {
            c.shutdown();
        }
    }

    @Test
    void byDefaultTheChannelIsAUnixSocketInAPrivateDirectory() throws Exception {
        assumeUnix();
        String[] seen = new String[2];
        WorkerConnection c = WorkerConnection.open(WorkerLaunch.sameAsThisProcess(), line -> { }, address -> {
            seen[0] = address;
            Path socket = Path.of(address.substring("unix:".length()));
            try {
                seen[1] = PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()));
            } catch (java.io.IOException e) {
                seen[1] = e.toString();
            }
        });
        try {
            assertTrue(seen[0].startsWith("unix:"), seen[0]);
            assertEquals("rwx------", seen[1], "only this user can open the socket's directory");
            assertEquals(c.pid(), c.request(WorkerMessages.op("ping"), p -> { }).get(60, TimeUnit.SECONDS).path("pid").asLong());
            assertFalse(Files.exists(Path.of(seen[0].substring(5)).getParent()), "the socket and its directory are gone once the worker is connected");
            assertSecretNotOnCommandLine(c.pid());
        } finally {
            c.shutdown();
        }
    }

    private static void assumeUnix() {
        org.junit.jupiter.api.Assumptions.assumeTrue(LocalServer.unixSupported(), "no Unix-domain sockets here");
    }

    /** The secret is in the worker's environment (readable by its owner only), never in its command line. */
    private static void assertSecretNotOnCommandLine(long pid) throws Exception {
        Path proc = Path.of("/proc", Long.toString(pid));
        if (!Files.isDirectory(proc)) return;
        String environ = Files.readString(proc.resolve("environ"), StandardCharsets.ISO_8859_1);
        String secret = null;
        for (String kv : environ.split("\0")) if (kv.startsWith(WorkerLaunch.SECRET_ENV + "=")) secret = kv.substring(WorkerLaunch.SECRET_ENV.length() + 1);
        assertNotNull(secret, "the worker got its secret through the environment");
        assertEquals(32, secret.length());
        String cmdline = Files.readString(proc.resolve("cmdline"), StandardCharsets.ISO_8859_1);
        assertFalse(cmdline.contains(secret), "the secret is not on the command line: " + cmdline.replace('\0', ' '));
        assertFalse(cmdline.contains("--token"), cmdline);
    }
}
