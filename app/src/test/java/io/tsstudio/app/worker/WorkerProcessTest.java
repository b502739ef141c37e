package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The worker as a process: it starts, answers, and is replaced when it dies; deaths are put in plain words. */
class WorkerProcessTest {
    private static WorkerClient client;

    @BeforeAll
    static void start() throws Exception {
        client = new WorkerClient(WorkerLaunch.sameAsThisProcess().withTestHooks());
        client.ready().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static ObjectNode op(String name) {
        return WorkerJson.MAPPER.createObjectNode().put("op", name);
    }

    private static JsonNode call(ObjectNode request) throws Exception {
        return client.request(request).get(60, TimeUnit.SECONDS);
    }

    @Test
    void answersFromAnotherProcessAndListsDevices() throws Exception {
        long pid = call(op("ping")).path("pid").asLong();
        assertNotEquals(ProcessHandle.current().pid(), pid);
        JsonNode devices = call(op("devices"));
        assertEquals("cpu", devices.path("devices").get(0).asText());
    }

    @Test
    void anExitIsReportedAndTheNextRequestGetsAFreshWorker() throws Exception {
        long before = call(op("ping")).path("pid").asLong();
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.request(op("exit").put("code", 3)).get(30, TimeUnit.SECONDS));
        WorkerException w = assertInstanceOf(WorkerException.class, e.getCause());
        assertEquals(WorkerException.Kind.CRASHED, w.kind());
        assertTrue(w.getMessage().startsWith("The worker process exited unexpectedly (exit code 3)."), w.getMessage());
        assertNotEquals(before, call(op("ping")).path("pid").asLong());
    }

    @Test
    void aNativeCrashIsReportedAndTheClientSurvives() throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.request(op("crash")).get(30, TimeUnit.SECONDS));
        WorkerException w = assertInstanceOf(WorkerException.class, e.getCause());
        assertEquals(WorkerException.Kind.CRASHED, w.kind());
        assertTrue(w.getMessage().startsWith("The model crashed the worker process in native code (SIGSEGV)."), w.getMessage());
        assertTrue(call(op("ping")).path("pid").asLong() > 0);
    }

    @Test
    void aWorkerKilledFromOutsideIsReplaced() throws Exception {
        long pid = call(op("ping")).path("pid").asLong();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long now = pid;
        while (now == pid && System.nanoTime() < deadline) {
            try {
                now = call(op("ping")).path("pid").asLong();
            } catch (ExecutionException e) {
                assertInstanceOf(WorkerException.class, e.getCause());
            }
        }
        assertNotEquals(pid, now);
    }

    @Test
    void testHooksAreRefusedByAnOrdinaryWorker() throws Exception {
        try (WorkerClient plain = new WorkerClient(WorkerLaunch.sameAsThisProcess())) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> plain.request(op("exit")).get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("unknown worker request 'exit'"));
        }
    }
}
