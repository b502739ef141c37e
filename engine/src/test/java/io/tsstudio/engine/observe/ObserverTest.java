package io.tsstudio.engine.observe;

import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrGraphs;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.engine.run.CancelToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The observing executor on modules compiled here: control flow, calls, errors, stepping and stopping. */
class ObserverTest {
    /** A parent that calls a child twice, in a loop and in a branch, and a child that calls its own helper. */
    private static ScriptModule parentWithChild() {
        ScriptModule child = ModuleAssembly.newModule("Child");
        child.define("def helper(self, x: Tensor) -> Tensor:\n    return x * 2.0\n"
                + "def forward(self, x: Tensor) -> Tensor:\n    return torch.relu(self.helper(x)) - 1.0\n");
        ScriptModule parent = ModuleAssembly.newModule("Parent");
        ModuleAssembly.addSubmodule(parent, "child", child);
        parent.define("def forward(self, x: Tensor, n: int) -> Tuple[Tensor, List[Tensor]]:\n"
                + "    outs: List[Tensor] = []\n"
                + "    for i in range(n):\n"
                + "        x = self.child.forward(x)\n"
                + "        outs.append(x)\n"
                + "    if bool(x.sum() > 0):\n"
                + "        x = x + 1.0\n"
                + "    else:\n"
                + "        x = self.child.forward(x)\n"
                + "    return x, outs\n");
        return parent;
    }

    @Test
    void loopsBranchesAndSubmoduleCallsGiveTheNormalResultWithCallsCountedInOrder() {
        try (ScriptModule m = parentWithChild(); Tensor x = Tensors.of(new float[]{-1f, 0.5f, 2f}, 3)) {
            Object normal = m.call("forward", x, 3L);
            try (Observation o = Observer.observe(m, "forward", List.of(x, 3L), ObserveOptions.keeping(1 << 20), CancelToken.none())) {
                ObservedRuns.assertBitIdentical(normal, o.output(), "forward");
                Map<String, ModuleRecord> byPath = o.modules().stream().collect(Collectors.toMap(ModuleRecord::path, r -> r));
                assertEquals(1, byPath.get("").calls());
                // three loop iterations, then the branch: relu(...) - 1 after three doublings is positive for 2.0
                assertEquals(3, byPath.get("child").calls(), "the helper is the child's own method: not a module call");
                assertEquals(List.of("", "child", "child", "child"), o.calls().stream().map(ModuleCall::path).toList());
                assertEquals(List.of(0, 0, 1, 2), o.calls().stream().map(ModuleCall::index).toList());
                assertArrayEquals(new long[]{3}, byPath.get("child").output().tensors().get(0).shape());
                assertEquals("float32", byPath.get("child").output().tensors().get(0).dtype());
                // the kept copy of the child's first output equals relu(2x) - 1 of the input
                try (Tensor first = byPath.get("child").output().tensors().get(0).kept().orElseThrow()) {
                    assertArrayEquals(new float[]{-1f, 0f, 3f}, first.toFloatArray());
                }
                assertTrue(byPath.get("").totalNanos() >= byPath.get("").selfNanos());
                assertTrue(byPath.get("").selfNanos() >= 0);
                NodeRecord helperMul = o.nodes().stream().filter(n -> n.module().equals("child") && n.method().equals("helper")
                        && n.kind().equals("aten::mul")).findFirst().orElseThrow();
                assertEquals(3, helperMul.calls(), "a node in a callee called three times is one record with three calls");
            } finally {
                ObservedRuns.close(normal);
            }
        }
    }

    @Test
    void nodeIdsAreTheIrGraphsIds() {
        try (ScriptModule m = parentWithChild(); Tensor x = Tensors.of(new float[]{1f, 2f}, 2)) {
            IrGraph root = m.graph("forward");
            IrGraph child = (m.submodule("child")).graph("forward");
            try (Observation o = Observer.observe(m, "forward", List.of(x, 2L), ObserveOptions.statisticsOnly(), CancelToken.none())) {
                ObservedRuns.close(o.output());
                int checked = 0;
                for (NodeRecord n : o.nodes()) {
                    IrGraph g = n.module().isEmpty() ? root : n.method().equals("forward") ? child : null;
                    if (g == null) continue;
                    IrNode node = IrGraphs.node(g, n.nodeId()).orElseThrow(() -> new AssertionError(n.nodeId() + " not in " + g.method()));
                    assertEquals(node.kind(), n.kind(), n.module() + " " + n.nodeId());
                    checked++;
                }
                assertTrue(checked > 10, "checked " + checked);
            }
        }
    }

    @Test
    void raiseExceptionFailsWithTheTextOfANormalRun() {
        try (ScriptModule m = ModuleAssembly.newModule("Raiser")) {
            m.define("def forward(self, x: Tensor) -> Tensor:\n"
                    + "    assert bool(x.sum() < 100), 'too big: sum over 100'\n"
                    + "    return x\n");
            try (Tensor big = Tensors.of(new float[]{200f}, 1)) {
                TorchException normal = assertThrows(TorchException.class, () -> m.call("forward", big));
                TorchException observed = assertThrows(TorchException.class,
                        () -> Observer.observe(m, "forward", List.of(big), ObserveOptions.statisticsOnly(), CancelToken.none()));
                assertTrue(observed.getMessage().contains("too big: sum over 100"), observed.getMessage());
                assertEquals(normal.getMessage(), observed.getMessage());
            }
        }
    }

    @Test
    void theStepperSeesEveryNodeWithTheCallStackAndTheFrameVariables() {
        try (ScriptModule m = parentWithChild(); Tensor x = Tensors.of(new float[]{1f, 2f}, 2)) {
            List<Frame> frames = new ArrayList<>();
            try (Observation o = Observer.observe(m, "forward", List.of(x, 1L), ObserveOptions.statisticsOnly().withStepper(frames::add),
                    CancelToken.none())) {
                ObservedRuns.close(o.output());
                long nodeRuns = o.nodes().stream().mapToLong(NodeRecord::calls).sum();
                assertEquals(nodeRuns, frames.size(), "one pause before every node run");
            }
            Frame inChild = frames.stream().filter(f -> f.current().module().equals("child") && f.current().method().equals("helper"))
                    .findFirst().orElseThrow();
            assertEquals(List.of("", "child", "child"), inChild.stack().stream().map(StackEntry::module).toList());
            assertEquals(List.of("forward", "forward", "helper"), inChild.stack().stream().map(StackEntry::method).toList());
            assertEquals("prim::CallMethod", inChild.stack().get(0).kind());
            // the helper's argument, under its printed name (%x.1 or %x)
            ObservedValue xInChild = inChild.variables().entrySet().stream().filter(e -> e.getKey().matches("%x(\\.\\d+)?"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(inChild.variables().keySet()));
            assertEquals("[2] float32", xInChild.text());
        }
    }

    @Test
    void aCancelStopsAnEndlessLoopBetweenNodes() {
        try (ScriptModule m = ModuleAssembly.newModule("Spin")) {
            m.define("def forward(self, x: Tensor) -> Tensor:\n"
                    + "    while True:\n"
                    + "        x = x + 1.0\n"
                    + "    return x\n");
            CancelToken token = new CancelToken();
            int[] seen = {0};
            Stepper stopAfter1000 = f -> {
                if (++seen[0] == 1000) token.cancel();
            };
            try (Tensor x = Tensors.of(new float[]{0f}, 1)) {
                CancellationException e = assertThrows(CancellationException.class,
                        () -> Observer.observe(m, "forward", List.of(x), ObserveOptions.statisticsOnly().withStepper(stopAfter1000), token));
                assertEquals("run cancelled", e.getMessage());
                assertEquals(1000, seen[0]);
            }
        }
    }

    @Test
    void statisticsCountNanAndInfinityAndLeaveThemOutOfMinMaxMean() {
        try (ScriptModule m = ModuleAssembly.newModule("Stats")) {
            m.define("def forward(self, x: Tensor) -> Tensor:\n    return x * 1.0\n");
            try (Tensor x = Tensors.of(new float[]{1f, Float.NaN, 3f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, 5);
                 Observation o = Observer.observe(m, "forward", List.of(x), ObserveOptions.statisticsOnly(), CancelToken.none())) {
                ObservedRuns.close(o.output());
                ObservedTensor t = o.modules().get(0).output().tensors().get(0);
                assertEquals(1, t.nanCount());
                assertEquals(2, t.infCount());
                assertEquals(1.0, t.min());
                assertEquals(3.0, t.max());
                assertEquals(2.0, t.mean());
                assertFalse(t.kept().isPresent(), "statistics only keeps no tensors");
            }
        }
    }
}
