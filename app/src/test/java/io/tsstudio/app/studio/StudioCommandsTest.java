package io.tsstudio.app.studio;

import io.tsstudio.ui.editor.EditorViewModel;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The window's commands routed by the active tab, with fixed answers for the file prompts; failures as notifications. */
@ExtendWith(ApplicationExtension.class)
class StudioCommandsTest {
    @TempDir
    static Path home;

    private StudioViewModel vm;
    private Stage stage;
    private final List<String> asked = new ArrayList<>();
    private Path answer;

    private final Prompts prompts = new Prompts() {
        @Override
        public List<Path> filesToOpen() {
            asked.add("open");
            return answer == null ? List.of() : List.of(answer);
        }

        @Override
        public Optional<Path> saveTarget(String title, String suggestedName, String description, String... patterns) {
            asked.add(title + ": " + suggestedName);
            return Optional.ofNullable(answer);
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        vm = TestStudio.show(stage, home).vm();
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

    @Test
    void saveOnAnUntitledScriptAsksWhereAndWritesIt(@TempDir Path tmp) throws Exception {
        StudioCommands commands = new StudioCommands(vm, prompts);
        String text = "def f(x: int) -> int:\n    return x + 1\n";
        EditorViewModel b = fx(() -> vm.newScript(text));
        String untitled = b.name();
        answer = tmp.resolve("f.py");
        fx(() -> {
            commands.save();
            return null;
        });
        assertEquals(List.of("Save script: " + untitled), asked);
        assertEquals(text, Files.readString(answer));
        assertEquals(answer, b.file());
        assertFalse(b.isDirty());

        asked.clear();
        fx(() -> {
            b.textChanged(text + "\n");
            commands.save();
            return null;
        });
        assertEquals(List.of(), asked, "a script with a file saves there without asking");
        assertEquals(text + "\n", Files.readString(answer));
    }

    @Test
    void aFailedSaveIsANotificationNotADialogAndTheEditsStay(@TempDir Path tmp) throws Exception {
        StudioCommands commands = new StudioCommands(vm, prompts);
        EditorViewModel b = fx(() -> vm.newScript("def g(x: int) -> int:\n    return x\n"));
        Path notADir = Files.writeString(tmp.resolve("plain-file"), "x");
        answer = notADir.resolve("g.py");
        fx(() -> {
            commands.save();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !vm.notices().isEmpty()));
        String notice = fx(() -> vm.notices().get(0));
        assertTrue(notice.startsWith("Cannot save " + answer + ": "), notice);
        assertTrue(fx(b::isDirty), "the edits are still unsaved, in the buffer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> notificationShowing(notice)));
        assertTrue(fx(() -> Window.getWindows().stream().noneMatch(w -> w instanceof Stage s && s != stage)),
                "no dialog opened: " + fx(() -> Window.getWindows().toString()));
        assertTrue(fx(() -> stage.getScene().getRoot().lookup("#errorBanner").getParent().isVisible()) == false,
                "the banner is for failed opens and compiles, not for this");
    }

    /** A ControlsFX notification popup, owned by the studio's window, showing {@code text}. */
    private boolean notificationShowing(String text) {
        for (Window w : Window.getWindows()) {
            if (w instanceof PopupWindow p && p.isShowing() && p.getOwnerWindow() == stage && p.getScene() != null) {
                var bar = p.getScene().getRoot().lookup(".notification-bar");
                if (bar != null && bar.lookupAll(".label").stream().anyMatch(l -> l instanceof javafx.scene.control.Label lab && text.equals(lab.getText()))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void recompileOnAScriptAsksForTheModuleFileAndCancelDoesNothing() throws Exception {
        StudioCommands commands = new StudioCommands(vm, prompts);
        fx(() -> vm.newScript("def h(x: int) -> int:\n    return x\n"));
        answer = null;
        int models = fx(() -> vm.models().size());
        fx(() -> {
            commands.recompile();
            return null;
        });
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith("Compile script to module: untitled-"), asked.toString());
        assertTrue(asked.get(0).endsWith(".pt"), asked.toString());
        assertEquals(models, fx(() -> vm.models().size()));
    }
}
