package io.tsstudio.ui.grapheditor.demo;

import io.tsstudio.ui.grapheditor.GraphEditorView;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.session.RegistryOperators;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.ModelFixtures;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Opens the graph editor on the small CNN of the tests, compiled and run, for a person to look at (and for the
 * README screenshot under Xvfb). {@code -Dtsstudio.exitAfterMs=N} closes it after N ms.
 */
public final class GraphEditorDemo {
    private GraphEditorDemo() {
    }

    // the main class must not extend Application on the classpath ("JavaFX runtime components are missing")
    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo window. */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) {
        GraphEditorViewModel vm = new GraphEditorViewModel(new RegistryOperators());
        vm.commands().execute(Commands.replaceAll("Small CNN", ModelFixtures.cnn().document()));
        vm.commands().execute(Commands.retitle("SmallCnn"));
        GraphEditorView view = new GraphEditorView(vm);
        stage.setTitle("TorchScript Studio — graph editor");
        stage.setScene(new Scene(view, 1600, 900));
        stage.show();
        vm.autoLayout();
        Block conv = vm.document().byName("conv2d").orElseThrow();
        vm.select(conv.id(), false);
        vm.compile();
        // show the typed-port check at work: an int constant offered to a tensor input is refused with the reason
        double below = vm.document().blocks().stream().mapToDouble(b -> b.y() + 120).max().orElse(0);
        Block c = Blocks.constant(vm.document(), 3L, conv.x(), below);
        vm.run(Commands.addBlock(c));
        vm.connect(c.id(), "value", vm.document().byName("relu").orElseThrow().id(), "input");
        view.tabs().getSelectionModel().select(1);
        Platform.runLater(view.canvas()::fit);
        long exitAfter = Long.getLong("tsstudio.exitAfterMs", 0);
        if (exitAfter > 0) {
            PauseTransition t = new PauseTransition(Duration.millis(exitAfter));
            t.setOnFinished(e -> Platform.exit());
            t.play();
        }
    }
    }
}
