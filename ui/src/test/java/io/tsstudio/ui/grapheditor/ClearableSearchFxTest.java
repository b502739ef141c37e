package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.ModelFixtures;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The palette's search box has a ControlsFX clear button that empties it, and the palette shows everything again. */
@ExtendWith(ApplicationExtension.class)
class ClearableSearchFxTest {
    private GraphEditorView view;

    @Start
    void start(Stage stage) {
        GraphEditorViewModel vm = new GraphEditorViewModel(new io.tsstudio.ui.grapheditor.model.GraphDocument(),
                io.tsstudio.ui.editor.OperatorCatalog.ofSchemas(List.of(ModelFixtures.ADD_TENSOR, "aten::relu(Tensor self) -> Tensor")), io.tsstudio.ui.concurrent.TaskRunner.forJavaFx());
        view = new GraphEditorView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @Test
    void theClearButtonEmptiesTheSearch(FxRobot robot) throws Exception {
        ListView<?> palette = robot.lookup("#palette").queryListView();
        int all = palette.getItems().size();
        TextField search = robot.lookup("#paletteSearch").queryAs(TextField.class);
        robot.clickOn(search).write("relu");
        WaitForAsyncUtils.waitForFxEvents();
        int filtered = palette.getItems().size();
        assertTrue(filtered < all && filtered > 0, "the search filters the palette: " + filtered + " of " + all);

        Node clear = search.lookup(".clear-button");
        assertNotNull(clear, "the search field has a clear button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> clear.getOpacity() > 0.9); // it fades in once there is text
        robot.clickOn(clear);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", search.getText());
        assertEquals(all, palette.getItems().size(), "the whole palette again");
    }
}
