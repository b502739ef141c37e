package io.tsstudio.ui.inspect;

import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.controlsfx.control.PropertySheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Selecting a module (or one of its rows) in the inspector shows its attributes in a read-only property sheet. */
@ExtendWith(ApplicationExtension.class)
class AttributeSheetFxTest {
    private InspectorView view;

    @Start
    void start(Stage stage) {
        InspectorViewModel vm = new InspectorViewModel(javafx.application.Platform::runLater);
        view = new InspectorView(vm);
        ModuleEntry fc = new ModuleEntry("fc", "fc", "__torch__.torch.nn.modules.linear.Linear", List.of(), List.of(),
                List.of(new AttributeEntry("training", "bool", "False"), new AttributeEntry("in_features", "int", "10")),
                List.of(), List.of());
        ModuleEntry root = new ModuleEntry("", "", "__torch__.Net", List.of(), List.of(), List.of(), List.of(), List.of(fc));
        vm.show(new ModelSummary("net.pt", ModelSummary.Format.TORCHSCRIPT, "", root, List.of()), null);
        stage.setScene(new Scene(view, 500, 700));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aModulesAttributesShowReadOnly(FxRobot robot) throws Exception {
        PropertySheet sheet = view.attributeSheet();
        assertFalse(fx(sheet::isVisible), "nothing selected: no sheet");
        @SuppressWarnings("unchecked")
        TreeTableView<InspectorRow> tree = robot.lookup("#inspectorTree").queryAs(TreeTableView.class);
        TreeItem<InspectorRow> fcItem = fx(() -> tree.getRoot().getChildren().stream()
                .filter(i -> i.getValue().kind() == InspectorRow.Kind.MODULE).findFirst().orElseThrow());
        fx(() -> {
            tree.getSelectionModel().select(fcItem);
            return null;
        });
        assertTrue(fx(sheet::isVisible));
        assertEquals(List.of("training=False:bool", "in_features=10:int"), fx(() -> sheet.getItems().stream()
                .map(i -> i.getName() + "=" + i.getValue() + ":" + i.getDescription()).toList()));
        assertTrue(fx(() -> sheet.getItems().stream().noneMatch(PropertySheet.Item::isEditable)), "read-only");

        fx(() -> {
            tree.getSelectionModel().select(tree.getRoot());
            return null;
        });
        assertFalse(fx(sheet::isVisible), "the root module has no attributes");
    }
}
