package io.tsstudio.app.studio;

import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.inspect.ModuleEntry;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.session.OpenModel;
import io.tsstudio.ui.preferences.StudioDirs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The studio's view model opens a model that needs a missing operator, and a torchvision-ops model, end to end. */
class StudioOperatorsModelTest {
    @TempDir
    Path tmp;

    static Path repoFixture(String relative) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("fixtures").resolve(relative);
            if (Files.isRegularFile(f)) return f;
        }
        throw new IllegalStateException("fixtures/" + relative + " not found");
    }

    private StudioViewModel viewModel() {
        return new StudioViewModel(new EngineModelBackend(OperatorCatalog.EMPTY), StudioDirs.under(tmp), Runnable::run, new LogConsole(Runnable::run));
    }

    @Test
    void aModelNeedingAMissingOperatorOpensReadOnlyWithABanner() throws Exception {
        StudioViewModel vm = viewModel();
        vm.open(repoFixture("missing-ops/my_ops_foo.pt")).get(2, TimeUnit.MINUTES);
        assertEquals(1, vm.models().size());
        OpenModel m = vm.models().get(0);
        assertNull(m.module(), "LibTorch could not load it");
        assertTrue(vm.lastErrorProperty().get().startsWith("my_ops_foo.pt needs operator `my_ops::foo` (from library my_ops)"), vm.lastErrorProperty().get());
        List<String> tabs = vm.buffers().stream().map(EditorViewModel::name).toList();
        assertEquals(List.of("NeedsFoo \u00b7 my_ops_foo.pt", "Head \u00b7 my_ops_foo.pt", "Linear \u00b7 my_ops_foo.pt"), tabs);
        assertTrue(vm.buffers().stream().allMatch(b -> b.kind() == BufferKind.READ_ONLY));
        ModuleEntry root = m.summary().root();
        ModuleEntry head = root.children().get(0);
        assertEquals("head", head.name());
        assertEquals("scale", head.buffers().get(0).name().replace("head.", ""));
        assertEquals(List.of("head.proj.weight", "head.proj.bias"), head.children().get(0).parameters().stream().map(t -> t.name()).toList());
        assertTrue(m.summary().description().contains("needs operator `my_ops::foo`"), m.summary().description());
    }

    @Test
    void aTorchvisionOpsModelOpensWithItsCodeAndSavesAgain() throws Exception {
        StudioViewModel vm = viewModel();
        Path file = io.tsstudio.app.worker.Fixtures.root().resolve("torchvision-ops").resolve("tvops.script.pt");
        vm.open(file).get(2, TimeUnit.MINUTES);
        OpenModel m = vm.models().get(0);
        assertNotNull(m.module());
        assertEquals("", vm.lastErrorProperty().get());
        assertTrue(vm.buffers().stream().anyMatch(b -> b.name().startsWith("TvOps")));
        Path saved = tmp.resolve("saved.pt");
        vm.saveModel(m, saved).get(2, TimeUnit.MINUTES);
        assertTrue(Files.size(saved) > 0);
        try (io.tsstudio.engine.ScriptModule again = io.tsstudio.engine.Jit.load(saved)) {
            assertTrue(again.hasMethod("align"));
        }
    }
}
