package io.tsstudio.app.worker;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.observe.Frame;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunRequest;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphGroup;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import io.tsstudio.ui.graph.model.NodeKind;
import io.tsstudio.ui.observe.Breakpoint;
import io.tsstudio.ui.observe.ObservationIndex;
import io.tsstudio.ui.observe.ObservedRun;
import io.tsstudio.ui.observe.StepKind;
import io.tsstudio.ui.observe.ValueKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Observed and stepped runs of real models through the real worker process and the real observing executor. */
class WorkerObserveTest {
    private static final String IMAGE = "{\"tensor\":{\"shape\":[1,3,64,64],\"fill\":\"ones\"},\"dtype\":\"float32\"}";
    private static final String ONES_4 = "{\"tensor\":{\"shape\":[4],\"fill\":\"ones\"},\"dtype\":\"float32\"}";
    /** A loop whose body branches: 3 iterations run the add twice and the mul once. */
    static final String BRANCHY = """
            def forward(x: Tensor, n: int) -> Tensor:
                y = x
                for i in range(n):
                    if i % 2 == 0:
                        y = y + 1
                    else:
                        y = y * 2
                return y
            """;
    private static WorkerClient client;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        client = new WorkerClient(WorkerLaunch.sameAsThisProcess());
        client.ready().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static Path mnasnet() {
        return SharedFixtures.root().resolve("pytorch-1.13").resolve("mnasnet0_5_script.pt");
    }

    private static RunRequest once(String method, String... args) {
        return new RunRequest(method, List.of(args), RunPlan.single());
    }

    @Test
    void anObservedRunGivesTheSameOutputAndLabelsEveryEdgeOfTheDrawnGraphWithItsShape() throws Exception {
        client.load(mnasnet(), "cpu").get(60, TimeUnit.SECONDS);
        RunOutcome plain = client.run(once("forward", IMAGE), RunListener.NONE).get(120, TimeUnit.SECONDS);
        ObservedRun run = client.observe(once("forward", IMAGE)).get(120, TimeUnit.SECONDS);
        assertArrayEquals(plain.output().tensor().values(), run.outcome().output().tensor().values(), "the observed output is the plain run's");
        assertTrue(run.observation().modules().stream().anyMatch(m -> m.path().equals("layers.8.0.layers.0") && m.calls() == 1));

        ObservationIndex ix = new ObservationIndex(run);
        try (ScriptModule m = Jit.load(mnasnet())) {
            GraphViewModel vm = ModuleGraphs.viewModel(m, "forward");
            GraphGroup root = vm.root();
            for (GraphEdge e : root.edges()) {
                assertTrue(ix.shape(root.path(), e.valueId()).isPresent(), "root edge " + e.valueId() + " has no observed shape");
            }
            GraphNode input = root.nodes().stream().filter(n -> n.kind() == NodeKind.INPUT).findFirst().orElseThrow();
            assertEquals("[1,3,64,64] f32", ix.shape(root.path(), input.outputs().get(0).valueId()).orElseThrow());
            // inside a submodule two levels down: its input comes from the caller, the rest from its own nodes
            GraphNode layers = root.nodes().stream().filter(n -> n.kind() == NodeKind.MODULE).findFirst().orElseThrow();
            GraphNode block = layers.content().nodes().stream().filter(n -> n.title().startsWith("8")).findFirst().orElseThrow();
            GraphGroup inner = block.content();
            for (GraphEdge e : inner.edges()) {
                assertTrue(ix.shape(inner.path(), e.valueId()).isPresent(), "edge " + e.valueId() + " of " + inner.path() + " has no shape");
            }
            GraphNode conv = inner.nodes().stream().filter(n -> n.kind() == NodeKind.MODULE).findFirst().orElseThrow();
            assertTrue(ix.nanos(conv).orElseThrow() > 0, "a submodule call has its time");
            GraphEdge firstEdge = inner.edges().stream().filter(e -> e.from().kind() != NodeKind.INPUT).findFirst().orElseThrow();
            OutputNode value = client.value(ObservationIndex.valueKey(inner.path(), firstEdge.valueId())).get(60, TimeUnit.SECONDS);
            assertEquals("tensor", value.kind());
            assertEquals(40, value.tensor().histogram().length, "a kept tensor comes with its histogram");
            assertEquals(value.tensor().numel(), value.tensor().values().length);
        }
        OutputNode nodeValue = client.nodeValue(ValueKeys.node(run.observation().nodes().get(0).module(), "forward",
                run.observation().nodes().get(0).nodeId())).get(60, TimeUnit.SECONDS);
        assertNotNull(nodeValue.kind());
        ExecutionException missing = assertThrows(ExecutionException.class, () -> client.value("#forward|v999999").get(60, TimeUnit.SECONDS));
        assertEquals("The last run did not observe #forward|v999999.", missing.getCause().getMessage());
    }

    @Test
    void stepIntoOverAndOutOfASubmoduleCallThenRunToANodeBreakpoint() throws Exception {
        client.load(mnasnet(), "cpu").get(60, TimeUnit.SECONDS);
        LinkedBlockingQueue<Frame> pauses = new LinkedBlockingQueue<>();
        CompletableFuture<ObservedRun> run = client.debug(once("forward", IMAGE), List.of(), true, pauses::add);
        Frame first = pauses.poll(60, TimeUnit.SECONDS);
        assertNotNull(first, "a stepped run pauses before its first node");
        assertEquals(1, first.stack().size());
        assertEquals("", first.current().module());
        Frame f = first;
        for (int i = 0; i < 50 && !f.current().kind().equals("prim::CallMethod"); i++) {
            client.step(StepKind.OVER).get(30, TimeUnit.SECONDS);
            f = pauses.poll(60, TimeUnit.SECONDS);
            assertEquals(1, f.stack().size(), "step over stays in the root: " + f.current());
        }
        assertEquals("prim::CallMethod", f.current().kind());
        assertFalse(f.variables().isEmpty(), "the frame has the values so far");
        client.step(StepKind.INTO).get(30, TimeUnit.SECONDS);
        Frame inside = pauses.poll(60, TimeUnit.SECONDS);
        assertEquals(2, inside.stack().size(), "step into enters the call: " + inside.stack());
        assertEquals("layers", inside.current().module());
        client.step(StepKind.OUT).get(30, TimeUnit.SECONDS);
        Frame out = pauses.poll(60, TimeUnit.SECONDS);
        assertTrue(out == null || out.stack().size() == 1, "step out returns to the root");
        if (out != null) {
            client.step(StepKind.CONTINUE).get(30, TimeUnit.SECONDS);
        }
        ObservedRun done = run.get(120, TimeUnit.SECONDS);
        NodeRecord deep = done.observation().nodes().stream().filter(n -> n.module().equals("layers.8.0.layers.3")).findFirst().orElseThrow();
        String key = ValueKeys.node(deep.module(), deep.method(), deep.nodeId());

        pauses.clear();
        CompletableFuture<ObservedRun> second = client.debug(once("forward", IMAGE), List.of(Breakpoint.node(key)), false, pauses::add);
        Frame hit = pauses.poll(60, TimeUnit.SECONDS);
        assertNotNull(hit, "run to breakpoint stops at " + key);
        assertEquals(deep.nodeId(), hit.current().nodeId());
        assertEquals("layers.8.0.layers.3", hit.current().module());
        assertEquals(List.of("", "layers", "layers.8", "layers.8.0", "layers.8.0.layers", "layers.8.0.layers.3"),
                hit.stack().stream().map(e -> e.module()).toList(), "the call stack names the module paths");
        client.step(StepKind.CONTINUE).get(30, TimeUnit.SECONDS);
        assertEquals(List.of(1L, 1000L), List.of(1L, second.get(120, TimeUnit.SECONDS).outcome().output().tensor().shape()[1]));
    }

    @Test
    void aLineBreakpointInALoopPausesEachTimeTheLineRunsWithItsVariables() throws Exception {
        client.load(Fixtures.script(dir, "branchy.py", BRANCHY), "cpu").get(60, TimeUnit.SECONDS);
        ObservedRun run = client.observe(once("forward", ONES_4, "3")).get(60, TimeUnit.SECONDS);
        assertArrayEquals(new double[]{5, 5, 5, 5}, run.outcome().output().tensor().values(), 0, "((1+1)*2)+1");
        assertEquals(2, run.observation().nodes().stream().filter(n -> n.kind().equals("aten::add")).findFirst().orElseThrow().calls());
        assertEquals(1, run.observation().nodes().stream().filter(n -> n.kind().equals("aten::mul")).findFirst().orElseThrow().calls());

        LinkedBlockingQueue<Frame> pauses = new LinkedBlockingQueue<>();
        CompletableFuture<ObservedRun> stepped = client.debug(once("forward", ONES_4, "3"), List.of(), true, pauses::add);
        Frame f = pauses.poll(60, TimeUnit.SECONDS);
        for (int i = 0; i < 40 && !f.current().kind().equals("aten::add"); i++) {
            client.step(StepKind.INTO).get(30, TimeUnit.SECONDS);
            f = pauses.poll(60, TimeUnit.SECONDS);
        }
        assertEquals("aten::add", f.current().kind());
        var src = f.current().source().orElseThrow(() -> new AssertionError("the add has no source range"));
        client.setBreakpoints(List.of(Breakpoint.line(src.file(), src.startLine()))).get(30, TimeUnit.SECONDS);
        client.step(StepKind.CONTINUE).get(30, TimeUnit.SECONDS);
        Frame again = pauses.poll(60, TimeUnit.SECONDS);
        assertNotNull(again, "the line runs a second time (i = 2)");
        assertEquals(src.startLine(), again.current().source().orElseThrow().startLine());
        assertTrue(again.variables().values().stream().anyMatch(v -> v.text().contains("[4]")), "y is among the variables: " + again.variables());
        client.step(StepKind.CONTINUE).get(30, TimeUnit.SECONDS);
        assertArrayEquals(new double[]{5, 5, 5, 5}, stepped.get(60, TimeUnit.SECONDS).outcome().output().tensor().values(), 0);
    }

    @Test
    void stopDuringAnEndlessLoopEndsWithinASecondAndTheWorkerServesTheNextRun() throws Exception {
        client.load(Fixtures.script(dir, "loop.py", Fixtures.LOOP_FOREVER), "cpu").get(60, TimeUnit.SECONDS);
        CompletableFuture<ObservedRun> endless = client.debug(once("forward", ONES_4), List.of(), false, f -> { });
        Thread.sleep(700);
        assertFalse(endless.isDone(), "the loop ended by itself?");
        long t0 = System.nanoTime();
        client.stopDebugging();
        ExecutionException e = assertThrows(ExecutionException.class, () -> endless.get(1, TimeUnit.SECONDS));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1000, "stop took " + ms + " ms");
        assertTrue(e.getCause().getMessage().contains("Stopped") || e.getCause() instanceof java.util.concurrent.CancellationException, e.getCause().toString());

        client.load(Fixtures.script(dir, "branchy.py", BRANCHY), "cpu").get(60, TimeUnit.SECONDS);
        ObservedRun next = client.observe(once("forward", ONES_4, "1")).get(60, TimeUnit.SECONDS);
        assertArrayEquals(new double[]{2, 2, 2, 2}, next.outcome().output().tensor().values(), 0);
    }
}
