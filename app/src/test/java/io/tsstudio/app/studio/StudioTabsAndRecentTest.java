package io.tsstudio.app.studio;


import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.EditorViewModel;



import io.tsstudio.ui.session.OpenModel;


import javafx.application.Platform;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Small things a user notices in the main window: the recent menu, tab titles, what the inspector shows, Ctrl+B. */
@ExtendWith(ApplicationExtension.class)
class StudioTabsAndRecentTest {
    @TempDir
    static Path home;

    private StudioViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestStudio studio = TestStudio.show(stage, home);
        vm = studio.vm();
        window = studio.window();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            vm.shutdown();
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private void open(Path file) throws Exception {
        fx(() -> vm.open(file)).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<MenuItem> recentItems() throws Exception {
        return fx(() -> {
            MenuBar bar = (MenuBar) window.root().lookup(".menu-bar");
            Menu file = bar.getMenus().get(0);
            file.getOnShowing().handle(null); // what opening the File menu does: the recent list is read afresh
            Menu recent = (Menu) file.getItems().stream().filter(i -> "Open Recent".equals(i.getText())).findFirst().orElseThrow();
            return List.copyOf(recent.getItems());
        });
    }

    private List<String> tabTitles() throws Exception {
        return fx(() -> window.editorTabs().getTabs().stream().map(Tab::getText).toList());
    }

    @Test
    void recentFilesKeepTheirUnderscoresAndLeaveOutTempFiles(@TempDir Path tmp) throws Exception {
        // the studio's own temp file, as the graph editor hands a model over (GraphEditorViewModel.exportToTemp)
        Path studioTemp = Files.createTempDirectory("tsstudio-graph");
        Path scratch = Files.copy(Fixtures.pytorch("linrelu.script.dat"), studioTemp.resolve("scratch_copy.pt"));
        scratch.toFile().deleteOnExit();
        studioTemp.toFile().deleteOnExit();
        open(scratch);
        open(Fixtures.pytorch("l1000_100_10.script.dat"));
        List<MenuItem> items = recentItems();
        MenuItem l1000 = items.get(0);
        assertEquals(Fixtures.pytorch("l1000_100_10.script.dat").toAbsolutePath().normalize().toString(), l1000.getText());
        assertFalse(l1000.isMnemonicParsing(), "an underscore in a file name would be taken as a mnemonic and vanish");
        assertTrue(items.stream().noneMatch(i -> i.getText() != null && i.getText().contains("scratch_copy")), items.toString());
    }

    @Test
    void twoModelsWithTheSameFileNameGetTheirFolderInTheTabTitle(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectories(tmp.resolve("run1"));
        Path b = Files.createDirectories(tmp.resolve("run2"));
        open(Files.copy(Fixtures.pytorch("linrelu.script.dat"), a.resolve("model.pt")));
        assertTrue(tabTitles().stream().anyMatch(t -> t.endsWith("\u00b7 model.pt")), tabTitles().toString());
        open(Files.copy(Fixtures.pytorch("linrelu.script.dat"), b.resolve("model.pt")));
        List<String> titles = tabTitles();
        assertTrue(titles.stream().anyMatch(t -> t.endsWith("model.pt \u2014 run1")), titles.toString());
        assertTrue(titles.stream().anyMatch(t -> t.endsWith("model.pt \u2014 run2")), titles.toString());
        assertEquals(titles.size(), titles.stream().distinct().count(), titles.toString());
    }

    @Test
    void theInspectorFollowsTheTabInFront() throws Exception {
        open(Fixtures.notTorchScript("state_dict.pth"));
        open(Fixtures.pytorch("linrelu.script.dat"));
        OpenModel stateDict = fx(() -> vm.models().stream().filter(m -> !m.isTorchScript()).findFirst().orElseThrow());
        OpenModel linrelu = fx(() -> vm.models().stream().filter(OpenModel::isTorchScript).findFirst().orElseThrow());
        assertSame(linrelu.summary(), fx(() -> vm.inspector().modelProperty().get()));

        fx(() -> {
            EditorViewModel readOnly = vm.buffers().stream().filter(x -> x.kind() == BufferKind.READ_ONLY).findFirst().orElseThrow();
            window.editorTabs().getTabs().stream().filter(t -> t.getUserData() == readOnly).findFirst().ifPresent(t -> window.editorTabs().getSelectionModel().select(t));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(stateDict.summary(), fx(() -> vm.inspector().modelProperty().get()));

        fx(() -> {
            EditorViewModel code = vm.buffers().stream().filter(x -> x.kind() == BufferKind.MODULE_CODE).findFirst().orElseThrow();
            window.editorTabs().getTabs().stream().filter(t -> t.getUserData() == code).findFirst().ifPresent(t -> window.editorTabs().getSelectionModel().select(t));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(linrelu.summary(), fx(() -> vm.inspector().modelProperty().get()));
    }

    @Test
    void compilingAScriptOpensTheModuleReadyToRun(@TempDir Path out) throws Exception {
        EditorViewModel script = fx(() -> vm.newScript("def forward(x: Tensor) -> Tensor:\n    return x + 1.0\n"));
        Path target = out.resolve("plus_one.pt");
        fx(() -> vm.compileToModule(script, target)).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        OpenModel active = fx(() -> vm.workspace().activeModel());
        assertNotNull(active);
        assertEquals(target.toAbsolutePath().normalize(), active.file().toAbsolutePath().normalize());
        assertTrue(active.isTorchScript());
        assertTrue(fx(() -> vm.workspace().activeBuffer().kind() == BufferKind.MODULE_CODE), "the module's code is in front");

        // compiling again onto the same file replaces its tabs rather than adding a second set
        long before = fx(() -> vm.buffers().stream().filter(x -> x.kind() == BufferKind.MODULE_CODE).count());
        fx(() -> vm.compileToModule(script, target)).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, fx(() -> vm.buffers().stream().filter(x -> x.kind() == BufferKind.MODULE_CODE).count()));
    }
}
