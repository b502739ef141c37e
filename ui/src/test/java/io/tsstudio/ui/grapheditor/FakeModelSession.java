package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.IncompleteGraphException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ModelSession} for view-model tests: no LibTorch, no ELK. It records which thread each call ran on and
 * which snapshot it got, and can hold a call until the test releases it (to edit the document meanwhile).
 * Engine-level behaviour is tested against {@link TorchModelSession}.
 */
final class FakeModelSession implements ModelSession {
    final Map<String, String> threads = new ConcurrentHashMap<>();
    final Map<String, GraphDocument> snapshots = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();
    volatile boolean closed;
    volatile GraphDocument toOpen = new GraphDocument();
    volatile ModelSession.Applied applied;

    /** The next call of {@code op} waits in the session until {@link #release(String)}. */
    void hold(String op) {
        gates.put(op, new CountDownLatch(1));
        entered.put(op, new CountDownLatch(1));
    }

    /** Waits until a held call of {@code op} is inside the session. */
    void awaitEntered(String op) throws InterruptedException {
        if (!entered.get(op).await(10, TimeUnit.SECONDS)) throw new AssertionError(op + " never reached the session");
    }

    void release(String op) {
        gates.get(op).countDown();
    }

    private void enter(String op, GraphDocument snapshot) {
        threads.put(op, Thread.currentThread().getName());
        if (snapshot != null) snapshots.put(op, snapshot);
        CountDownLatch in = entered.get(op);
        if (in != null) in.countDown();
        CountDownLatch gate = gates.get(op);
        try {
            if (gate != null && !gate.await(10, TimeUnit.SECONDS)) throw new AssertionError(op + " was never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Built compile(GraphDocument snapshot) {
        enter("compile", snapshot);
        if (snapshot.size() == 0) throw new IncompleteGraphException(List.of("the graph is empty"));
        return new Built(snapshot.size() + " blocks", "graph(%x) # " + snapshot.size() + " blocks");
    }

    @Override
    public Built trace(GraphDocument snapshot) {
        enter("trace", snapshot);
        return new Built("traced", "graph(traced)");
    }

    @Override
    public void save(GraphDocument snapshot, Path file) {
        enter("save", snapshot);
        try {
            Files.writeString(file, snapshot.size() + " blocks");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Opened open(Path file) {
        enter("open", null);
        return new Opened(toOpen, true, List.of(), List.of(), "graph(opened)");
    }

    @Override
    public Applied applyCode(String code, GraphDocument snapshot) {
        enter("applyCode", snapshot);
        return applied != null ? applied : new Applied(snapshot, List.of(), "graph(applied)");
    }

    @Override
    public RunnableModel export(GraphDocument snapshot, Path dir) {
        enter("export", snapshot);
        try {
            Files.createDirectories(dir);
            Path f = Files.writeString(dir.resolve("model.pt"), "model");
            return new RunnableModel(f, List.of("{\"tensor\": {\"shape\": [1, 4], \"fill\": \"ones\"}}"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, double[]> layout(GraphDocument snapshot, Set<String> only) {
        enter("layout", snapshot);
        Map<String, double[]> out = new LinkedHashMap<>();
        int i = 0;
        for (Block b : snapshot.blocks()) out.put(b.id(), new double[] {1000 + 100 * i++, 500});
        return out;
    }

    @Override
    public void close() {
        closed = true;
    }
}
