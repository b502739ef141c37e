package io.tsstudio.engine.observe;

import io.tsstudio.engine.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm-up model really compiles and is stepped node by node through the executor's paths (a method call into a
 * submodule, a loop, a branch, list building, attributes): a warm-up that failed would fail silently in the worker.
 */
class ObserverWarmUpTest {
    @Test
    void theWarmUpModelIsObservedNodeByNodeThroughCallsLoopsAndBranches() {
        List<String> kinds = new ArrayList<>();
        Set<String> modules = new TreeSet<>();
        List<Boolean> opaque = new ArrayList<>();
        long[][] shape = new long[1][];
        ObserverWarmUp.observeOnce(o -> {
            for (NodeRecord n : o.nodes()) {
                kinds.add(n.kind());
                modules.add(n.module());
                if (n.opaque()) opaque.add(true);
            }
            shape[0] = ((Tensor) o.output()).shape();
        });
        assertArrayEquals(new long[]{2, 1}, shape[0]);
        for (String k : List.of("prim::CallMethod", "prim::Loop", "prim::If", "prim::GetAttr", "aten::matmul", "aten::append")) {
            assertTrue(kinds.contains(k), k + " was stepped: " + kinds);
        }
        assertEquals(Set.of("", "inner"), modules);
        assertTrue(opaque.isEmpty(), "no node was run whole");
    }
}
