package io.tsstudio.ui.export;

import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.ScriptModule;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens the Triton export dialog on a real model, types its dims, and exports with the button. */
@ExtendWith(ApplicationExtension.class)
class TritonExportDialogFxTest {
    @TempDir
    Path dir;
    private ScriptModule module;
    private final ExecutorService io = Executors.newSingleThreadExecutor();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @AfterEach
    void close() {
        io.shutdownNow();
        if (module != null) module.close();
    }

    @Test
    void opensPreviewsAndExports(FxRobot robot) throws Exception {
        module = ModuleAssembly.newModule("Net");
        module.define("def forward(self, x: Tensor) -> Tensor:\n    return torch.relu(x)\n");
        Path repo = dir.resolve("repo");
        TritonExportViewModel[] vm = new TritonExportViewModel[1];
        robot.interact(() -> {
            vm[0] = new TritonExportViewModel(module, dir.resolve("relu.pt"), RunShapes.NONE, io, Platform::runLater);
            vm[0].repositoryProperty().set(repo.toString());
            TritonExportView.showIn(stage, vm[0]);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // no run yet: the dialog asks for the dims of x
        javafx.scene.control.Label error = robot.lookup("#tritonError").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> error.getText() != null && error.getText().startsWith("no shape for input 'x'"));
        robot.interact(() -> vm[0].rows().get(0).dimsProperty().set("3, -1"));
        // the name field is bound to the view model both ways (set through the field, not the view model)
        javafx.scene.control.TextField nameField = robot.lookup("#tritonName").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> nameField.setText("relu_served"));
        TextArea preview = robot.lookup("#tritonPreview").queryAs(TextArea.class);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> preview.getText().contains("name: \"relu_served\""));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("name field: '" + vm[0].nameProperty().get() + "', error: " + vm[0].errorProperty().get()
                    + ", preview:\n" + preview.getText(), e);
        }
        assertTrue(preview.getText().contains("name: \"OUTPUT__0\"\n    data_type: TYPE_FP32\n    dims: [ 3, -1 ]"), preview.getText());
        TextArea files = robot.lookup("#tritonFiles").queryAs(TextArea.class);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> files.getText().contains(repo.resolve("relu_served/1/model.pt").toString()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("files: '" + files.getText() + "', view model: '" + vm[0].filesProperty().get() + "', error: "
                    + vm[0].errorProperty().get(), e);
        }
        Button export = robot.lookup("#tritonExportButton").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !export.isDisabled());
        // the button's own action (robot key and mouse events did not reach this stage under headless Monocle)
        robot.interact(export::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.isRegularFile(repo.resolve("relu_served/1/model.pt"))
                && Files.isRegularFile(repo.resolve("relu_served/config.pbtxt")));
        TextArea status = robot.lookup("#tritonStatus").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.getText().startsWith("Exported version 1"));
        assertTrue(Files.readString(repo.resolve("relu_served/config.pbtxt")).contains("dims: [ 3, -1 ]"));
    }
}
