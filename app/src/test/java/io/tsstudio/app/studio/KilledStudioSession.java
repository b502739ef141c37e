package io.tsstudio.app.studio;

import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.preferences.StudioDirs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A studio session in its own JVM, for {@link RecoveryTest}: it types an unsaved script and builds an unsaved graph-editor document, waits for the autosave,
 * reports that through a marker file and then waits to be killed (SIGKILL: no shutdown hook, no clean exit).
 */
public final class KilledStudioSession {
    static final String TEXT = "def scaled(x: Tensor) -> Tensor:\n    # typed, never saved\n    return x * 3.0\n";

    private KilledStudioSession() {
    }

    public static void main(String[] args) throws Exception {
        StudioDirs dirs = StudioDirs.under(Path.of(args[0]));
        Path ready = Path.of(args[1]);
        StudioViewModel vm = new StudioViewModel(new EngineModelBackend(OperatorCatalog.EMPTY), dirs, Runnable::run, new LogConsole(Runnable::run));
        vm.newScript(TEXT);
        GraphEditorViewModel graph = vm.newGraphModel();
        GraphDocument doc = graph.document();
        Block x = Blocks.input(doc, "x", "Tensor", 0, 0);
        graph.run(Commands.addBlock(x));
        Block relu = Blocks.module(doc, "ReLU", 250, 0);
        graph.run(Commands.addBlock(relu));
        graph.connect(x.id(), "value", relu.id(), "input");
        // What the app's autosave timer does every few seconds (writing on its own thread).
        vm.autosaveNow().get(60, java.util.concurrent.TimeUnit.SECONDS);
        Files.writeString(ready, "autosaved");
        Thread.sleep(Long.MAX_VALUE);
    }
}
