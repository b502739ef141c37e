package io.tsstudio.ui.export;

import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.export.triton.TritonExportResult;
import io.tsstudio.engine.run.OutputNode;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.TensorSummary;
import io.tsstudio.ui.export.TritonExportViewModel.IoRow;
import io.tsstudio.ui.run.ArgumentInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Triton export dialog's state without a toolkit: prefill from schema and last run, preview, export. */
class TritonExportViewModelTest {
    private static final Executor NOW = Runnable::run;

    @TempDir
    Path dir;

    private static ScriptModule twoOutputs() {
        ScriptModule m = ModuleAssembly.newModule("Net");
        m.define("def forward(self, x: Tensor) -> Tuple[Tensor, Tensor]:\n    return x * 2.0, torch.argmax(x, dim=1)\n");
        return m;
    }

    /** What the run panel holds after running forward on a 4x3 float tensor. */
    private static RunShapes lastRun() {
        ArgumentInput x = new ArgumentInput(new ArgumentInfo("x", "Tensor", Optional.empty()));
        x.shapeProperty().set("4, 3");
        try (Tensor a = Tensors.ones(4, 3); Tensor b = Tensors.of(new long[]{0, 0, 0, 0}, 4)) {
            OutputNode out = new OutputNode("output", "tuple", "tuple of 2", null, List.of(
                    new OutputNode("[0]", "tensor", "", TensorSummary.of(a, 10), null),
                    new OutputNode("[1]", "tensor", "", TensorSummary.of(b, 10), null)));
            return RunShapes.from(List.of(x), new RunOutcome("{}", out, null, "cpu", "single call", 1));
        }
    }

    private static Map<String, String> dims(TritonExportViewModel vm) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        for (IoRow r : vm.rows()) m.put(r.name(), r.dimsProperty().get() + " " + r.dtypeProperty().get());
        return m;
    }

    @Test
    void prefilledFromTheSchemaAndTheLastRunAndBatchDimDroppedWhenBatching() {
        try (ScriptModule m = twoOutputs()) {
            TritonExportViewModel vm = new TritonExportViewModel(m, dir.resolve("my model.pt"), lastRun(), NOW, NOW);
            assertEquals("my_model", vm.nameProperty().get());
            assertEquals(dir.resolve("model_repository").toString(), vm.repositoryProperty().get());
            assertEquals(Map.of("x", "4, 3 float32", "OUTPUT__0", "4, 3 float32", "OUTPUT__1", "4 int64"), dims(vm));
            vm.rows().get(1).dimsProperty().set("-1, 3"); // the user's own dims stay
            vm.maxBatchSizeProperty().set(8);
            assertEquals(Map.of("x", "3 float32", "OUTPUT__0", "-1, 3 float32", "OUTPUT__1", " int64"), dims(vm));
            vm.dynamicBatchingProperty().set(true);
            vm.refresh().join();
            assertNull(vm.errorProperty().get());
            String config = vm.previewProperty().get();
            assertTrue(config.contains("max_batch_size: 8\n") && config.contains("dynamic_batching { }"), config);
            assertTrue(config.contains("name: \"x\"\n    data_type: TYPE_FP32\n    dims: [ 3 ]"), config);
            assertTrue(config.contains("name: \"OUTPUT__0\"\n    data_type: TYPE_FP32\n    dims: [ -1, 3 ]"), config);
            // OUTPUT__1 left blank: worked out from a run on zeros (a per-item scalar)
            assertTrue(config.contains("name: \"OUTPUT__1\"\n    data_type: TYPE_INT64\n    dims: [ 1 ]\n    reshape: { shape: [ ] }"), config);
            Path folder = dir.resolve("model_repository").resolve("my_model");
            assertEquals(folder.resolve("config.pbtxt") + "\n" + folder.resolve("1").resolve("model.pt") + "\n", vm.filesProperty().get());
            assertTrue(vm.canExportProperty().get());
            assertFalse(Files.exists(folder), "the preview writes nothing");
        }
    }

    @Test
    void exportWritesThePreviewAndTheNextOneIsVersionTwo() throws Exception {
        try (ScriptModule m = twoOutputs()) {
            TritonExportViewModel vm = new TritonExportViewModel(m, dir.resolve("net.pt"), lastRun(), NOW, NOW);
            vm.repositoryProperty().set(dir.resolve("repo").toString());
            vm.refresh().join();
            String preview = vm.previewProperty().get();
            TritonExportResult r = vm.export().join();
            assertEquals(1, r.plan().version());
            assertEquals(preview, Files.readString(dir.resolve("repo/net/config.pbtxt")));
            assertTrue(Files.isRegularFile(dir.resolve("repo/net/1/model.pt")));
            assertTrue(vm.statusProperty().get().startsWith("Exported version 1:\n"), vm.statusProperty().get());
            // the preview moved on to the next version
            assertTrue(vm.filesProperty().get().contains(dir.resolve("repo/net/2/model.pt").toString()), vm.filesProperty().get());
        }
    }

    @Test
    void wrongFieldsAndRefusedModelsShowAnErrorAndCannotExport() {
        try (ScriptModule m = twoOutputs()) {
            TritonExportViewModel vm = new TritonExportViewModel(m, dir.resolve("net.pt"), lastRun(), NOW, NOW);
            vm.rows().get(0).dimsProperty().set("3, abc");
            assertEquals("dims of 'x': 'abc' is not a whole number (-1 for dynamic)", vm.errorProperty().get());
            assertFalse(vm.canExportProperty().get());
            vm.rows().get(0).dimsProperty().set("4, 3");
            vm.intraOpThreadsProperty().set("0");
            assertEquals("INTRA_OP_THREAD_COUNT must be 1 or more, not 0", vm.errorProperty().get());
        }
        try (ScriptModule list = ModuleAssembly.newModule("L")) {
            list.define("def forward(self, xs: List[Tensor]) -> Tensor:\n    return xs[0]\n");
            TritonExportViewModel vm = new TritonExportViewModel(list, dir.resolve("l.pt"), RunShapes.NONE, NOW, NOW);
            vm.refresh().join();
            assertTrue(vm.errorProperty().get().startsWith("argument 'xs' of forward is List[Tensor]"), vm.errorProperty().get());
            assertFalse(vm.canExportProperty().get());
            assertTrue(vm.rows().isEmpty());
        }
    }

    @Test
    void withoutARunTheUserGivesInputDims() {
        try (ScriptModule m = twoOutputs()) {
            TritonExportViewModel vm = new TritonExportViewModel(m, dir.resolve("net.pt"), RunShapes.NONE, NOW, NOW);
            assertEquals(List.of("x", "OUTPUT__0", "OUTPUT__1"), vm.rows().stream().map(IoRow::name).toList());
            vm.refresh().join();
            assertTrue(vm.errorProperty().get().startsWith("no shape for input 'x'"), vm.errorProperty().get());
            vm.rows().get(0).dtypeProperty().set(DType.FLOAT64);
            vm.rows().get(0).dimsProperty().set("2, -1");
            vm.refresh().join();
            assertTrue(vm.previewProperty().get().contains("name: \"OUTPUT__0\"\n    data_type: TYPE_FP64\n    dims: [ 2, -1 ]"), vm.previewProperty().get());
            // outputs nobody typed take the dtypes the run on zeros gave, and the table shows them
            assertTrue(vm.previewProperty().get().contains("name: \"OUTPUT__1\"\n    data_type: TYPE_INT64\n    dims: [ 2 ]"), vm.previewProperty().get());
            assertEquals(DType.INT64, vm.rows().get(2).dtypeProperty().get());
        }
    }
}
