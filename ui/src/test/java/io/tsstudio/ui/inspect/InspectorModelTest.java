package io.tsstudio.ui.inspect;

import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.LatestResultWorker;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.concurrent.UiThread;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectorModelTest {
    private static TensorEntry param(String name, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return new TensorEntry(name, TensorEntry.Role.PARAMETER, shape, "float32", "cpu", n, 4 * n, true);
    }

    private static ModelSummary sample() {
        ModuleEntry fc = new ModuleEntry("fc", "fc", "__torch__.torch.nn.modules.linear.Linear",
                List.of(param("fc.weight", 6, 10), param("fc.bias", 6)), List.of(),
                List.of(new AttributeEntry("training", "bool", "false")), List.of(new MethodEntry("forward", "forward(Tensor x) -> Tensor")), List.of());
        ModuleEntry root = new ModuleEntry("", "", "__torch__.Net", List.of(), List.of(), List.of(), List.of(), List.of(fc));
        return new ModelSummary("net.pt", ModelSummary.Format.TORCHSCRIPT, "", root, List.of());
    }

    @Test
    void statisticsMatchTheDefinitions() {
        TensorPreview p = TensorPreview.of(new double[] {1, 2, 3, 4});
        assertEquals(1, p.stats().min());
        assertEquals(4, p.stats().max());
        assertEquals(2.5, p.stats().mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3.0), p.stats().std(), 1e-12);
        assertEquals(4, p.firstValues().length);
        assertTrue(TensorPreview.of(new double[40]).firstValuesText().endsWith(", \u2026]"));
    }

    @Test
    void nanAndInfinityAreCountedApartAndSaidSo() {
        // as the run panel does: the figures cover finite values; before, one NaN made every figure NaN here
        TensorPreview p = TensorPreview.of(new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY});
        assertEquals(2, p.stats().mean(), 1e-12);
        assertTrue(p.describe().contains("NaN 1   inf 1"), p.describe());
        assertFalse(TensorPreview.of(new double[] {1, 2}).describe().contains("NaN"));
    }

    @Test
    void totalsAndTreeCoverModulesTensorsAttributesMethods() {
        ModelSummary m = sample();
        assertEquals(66, m.parameterCount());
        assertEquals("2 modules \u00b7 66 parameters (264 B) \u00b7 buffers 0 B", m.totalsText());
        InspectorTree.Node tree = InspectorTree.build(m);
        assertEquals("Net", tree.row().name());
        assertEquals("__torch__.Net", tree.row().type());
        assertEquals("fc : Linear", tree.children().get(0).row().name());
        assertEquals(2, tree.find(InspectorRow.Kind.PARAMETER).size());
        InspectorRow w = tree.find(InspectorRow.Kind.PARAMETER).get(0).row();
        assertEquals("weight", w.name());
        assertEquals("[6, 10]", w.shape());
        assertEquals("60", w.elements());
        assertEquals("240 B", w.size());
        assertEquals("forward(Tensor x) -> Tensor", tree.find(InspectorRow.Kind.METHOD).get(0).row().type());
        assertEquals(1, tree.find(InspectorRow.Kind.ATTRIBUTE).size());
    }

    @Test
    void selectingATensorComputesItsStatisticsInTheBackground() throws InterruptedException {
        try (InspectorViewModel vm = new InspectorViewModel(Runnable::run)) {
            vm.show(sample(), t -> new double[] {-1, 0, 1});
            vm.selectedTensorProperty().set(param("fc.bias", 6));
            long end = System.currentTimeMillis() + 5000;
            while (vm.statsProperty().get() == null && System.currentTimeMillis() < end) Thread.sleep(10);
            assertEquals(1.0, vm.statsProperty().get().stats().max());
            vm.selectedTensorProperty().set(null);
            assertNull(vm.statsProperty().get());
        }
    }

    @Test
    void staleResultsAreDropped() throws InterruptedException {
        List<Integer> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (TaskRunner runner = TaskRunner.withOwnLanes(UiThread.of(Runnable::run, () -> true), 1);
             LatestResultWorker<Integer, Integer> w = runner.latest(Lane.ENGINE, i -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i;
        }, delivered::add)) {
            w.submit(1, 0);
            Thread.sleep(10);
            w.submit(2, 0);
            w.submit(3, 0);
            Thread.sleep(300);
        }
        assertEquals(List.of(3), delivered);
    }
}
