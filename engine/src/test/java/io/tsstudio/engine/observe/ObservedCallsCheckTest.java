package io.tsstudio.engine.observe;

import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check the R cases run under compares for real: it counts every call and it fails on a difference. */
class ObservedCallsCheckTest {
    @Test
    void itComparesEveryModuleCallAndReportsADifference() {
        ObservedCallsCheck check = new ObservedCallsCheck();
        try (ScriptModule same = ModuleAssembly.newModule("Same"); ScriptModule counter = ModuleAssembly.newModule("Counter");
             Tensor x = Tensors.of(new float[]{1f}, 1)) {
            same.define("def forward(self, x: Tensor) -> Tensor:\n    return torch.relu(x) * 3.0\n");
            // state that changes with every call: the observed run (made after the normal one) sees n one higher
            counter.registerBuffer("n", Tensors.of(new float[]{0f}, 1));
            counter.define("def forward(self, x: Tensor) -> Tensor:\n    self.n = self.n + 1.0\n    return x + self.n\n");
            int before = ObservedCallsCheck.CHECKED.get();
            check.beforeEach(null);
            ((Tensor) same.forward(x)).close();
            check.afterEach(null);
            assertEquals(before + 1, ObservedCallsCheck.CHECKED.get());

            check.beforeEach(null);
            ((Tensor) counter.forward(x)).close();
            AssertionError e = assertThrows(AssertionError.class, () -> check.afterEach(null));
            assertTrue(e.getMessage().contains("forward: forward values"), e.getMessage());
        }
    }
}
