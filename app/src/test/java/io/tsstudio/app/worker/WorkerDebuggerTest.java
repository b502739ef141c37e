package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.tsstudio.engine.ir.IrSourceRange;
import io.tsstudio.engine.observe.Frame;
import io.tsstudio.engine.observe.ModuleRecord;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.ObservedTensor;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.engine.observe.StackEntry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The stepper's decisions over a scripted sequence of frames (root n1, a call n2 into {@code sub} running s1 s2,
 * then root n3 n4), as the executor would call it, on a thread of its own; and the protocol's JSON both ways.
 */
class WorkerDebuggerTest {
    private static Frame frame(String module, String nodeId, int line, String... outer) {
        List<StackEntry> stack = new ArrayList<>();
        for (String o : outer) stack.add(new StackEntry(o, "forward", "n2", "prim::CallMethod", Optional.empty()));
        stack.add(new StackEntry(module, "forward", nodeId, "aten::relu",
                Optional.of(new IrSourceRange("code/__torch__.py", line, 5, line, 20))));
        return new Frame(stack, Map.of());
    }

    private static final List<Frame> RUN = List.of(frame("", "n1", 10), frame("", "n2", 11),
            frame("sub", "s1", 30, ""), frame("sub", "s2", 31, ""), frame("", "n3", 12), frame("", "n4", 12));

    /** Runs the frames through the stepper on another thread; pauses arrive in {@code paused}. */
    private static CompletableFuture<Void> run(WorkerDebugger d) {
        return CompletableFuture.runAsync(() -> {
            try {
                for (Frame f : RUN) d.before(f);
            } catch (InterruptedException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    private static String next(LinkedBlockingQueue<Frame> q) throws InterruptedException {
        Frame f = q.poll(10, TimeUnit.SECONDS);
        return f == null ? null : f.current().nodeId();
    }

    @Test
    void stepIntoOverAndOutFollowTheCallDepth() throws Exception {
        LinkedBlockingQueue<Frame> paused = new LinkedBlockingQueue<>();
        WorkerDebugger d = new WorkerDebugger(WorkerDebugger.Mode.STEP_INTO, WorkerJson.MAPPER.createArrayNode(), paused::add);
        CompletableFuture<Void> done = run(d);
        assertEquals("n1", next(paused));
        d.command(WorkerDebugger.Mode.STEP_OVER);
        assertEquals("n2", next(paused));
        d.command(WorkerDebugger.Mode.STEP_INTO);
        assertEquals("s1", next(paused), "into the call");
        d.command(WorkerDebugger.Mode.STEP_OUT);
        assertEquals("n3", next(paused), "out skips the rest of the call");
        d.command(WorkerDebugger.Mode.STEP_OVER);
        assertEquals("n4", next(paused));
        d.command(WorkerDebugger.Mode.CONTINUE);
        done.get(10, TimeUnit.SECONDS);
        assertTrue(paused.isEmpty());
    }

    @Test
    void stepOverRunsACallWholeAndBreakpointsStopContinue() throws Exception {
        LinkedBlockingQueue<Frame> paused = new LinkedBlockingQueue<>();
        JsonNode breakpoints = WorkerJson.MAPPER.readTree("[{\"node\": \"sub#forward/s2\"}, {\"file\": \"code/__torch__.py\", \"line\": 12}]");
        WorkerDebugger d = new WorkerDebugger(WorkerDebugger.Mode.CONTINUE, breakpoints, paused::add);
        CompletableFuture<Void> done = run(d);
        assertEquals("s2", next(paused), "run to breakpoint: the node one inside the call");
        d.command(WorkerDebugger.Mode.CONTINUE);
        assertEquals("n3", next(paused), "the line breakpoint, at its first node");
        d.command(WorkerDebugger.Mode.CONTINUE);
        done.get(10, TimeUnit.SECONDS);
        assertTrue(paused.isEmpty(), "the line's second node does not pause again");

        LinkedBlockingQueue<Frame> over = new LinkedBlockingQueue<>();
        WorkerDebugger d2 = new WorkerDebugger(WorkerDebugger.Mode.STEP_INTO, WorkerJson.MAPPER.createArrayNode(), over::add);
        CompletableFuture<Void> done2 = run(d2);
        assertEquals("n1", next(over));
        d2.command(WorkerDebugger.Mode.STEP_OVER);
        assertEquals("n2", next(over));
        d2.command(WorkerDebugger.Mode.STEP_OVER);
        assertEquals("n3", next(over), "step over a call does not stop inside it");
        d2.stop();
        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> done2.get(10, TimeUnit.SECONDS));
        assertInstanceOf(InterruptedException.class, e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause());
        assertTrue(d2.token().isCancelled(), "stop cancels the run's token");
    }

    @Test
    void observationsAndFramesCrossTheProtocolWithoutTheirTensors() throws Exception {
        ObservedValue v = new ObservedValue("Tensor", "[2, 3] float32", List.of(new ObservedTensor("float32", new long[]{2, 3}, "cpu",
                -1.5, 2.5, 0.25, 1, 2, Optional.empty())));
        Observation o = new Observation("forward", null, 1234, List.of(new ModuleRecord("", "__torch__.Net", 1, 1234, 1000, v, false)),
                List.of(new NodeRecord("", "forward", "n3", "aten::relu", 2, 99, List.of(v), true)), List.of());
        JsonNode json = WorkerJson.parse(WorkerJson.line(ObservationJson.observation(o)));
        Observation back = ObservationJson.observation(json);
        assertEquals(o.modules(), back.modules().stream().map(m -> new ModuleRecord(m.path(), m.className(), m.calls(), m.totalNanos(),
                m.selfNanos(), o.modules().get(0).output(), m.opaque())).toList());
        NodeRecord n = back.nodes().get(0);
        assertEquals(List.of("n3", "aten::relu", 2L, 99L, true), List.of(n.nodeId(), n.kind(), n.calls(), n.totalNanos(), n.opaque()));
        ObservedTensor t = n.outputs().get(0).tensors().get(0);
        assertArrayEquals(new long[]{2, 3}, t.shape());
        assertEquals(List.of(-1.5, 2.5, 0.25, 1L, 2L), List.of(t.min(), t.max(), t.mean(), t.nanCount(), t.infCount()));
        Frame f = frame("sub", "s1", 30, "");
        Frame fb = ObservationJson.frame(WorkerJson.parse(WorkerJson.line(ObservationJson.frame(
                new Frame(f.stack(), Map.of("x.1", v))))));
        assertEquals(f.stack(), fb.stack());
        assertEquals("[2, 3] float32", fb.variables().get("x.1").text());
    }
}
