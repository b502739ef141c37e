package io.tsstudio.ui.graph.fx;

import io.tsstudio.engine.ScriptModule;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

import java.util.List;

/**
 * The View menu's "Compare with freeze" and "Compare with optimize_for_inference": each opens a compare window with
 * the shown method beside its transformed twin. Enabled while the pane shows a module's method.
 */
final class TransformCompare {
    private final Node owner;
    private final MenuItem freeze = new MenuItem("Compare with freeze\u2026");
    private final MenuItem optimize = new MenuItem("Compare with optimize_for_inference\u2026");
    private ScriptModule module;
    private String method;

    TransformCompare(Node owner) {
        this.owner = owner;
        freeze.setId("graphCompareFreeze");
        optimize.setId("graphCompareOptimize");
        freeze.setOnAction(e -> open(GraphCompareView.Transform.FREEZE));
        optimize.setOnAction(e -> open(GraphCompareView.Transform.OPTIMIZE_FOR_INFERENCE));
        setSource(null, null);
    }

    List<MenuItem> items() {
        return List.of(freeze, optimize);
    }

    /** The module and method a comparison starts from (null: nothing to compare). The module must stay open. */
    void setSource(ScriptModule module, String method) {
        this.module = module;
        this.method = method;
        freeze.setDisable(module == null);
        optimize.setDisable(module == null);
    }

    private void open(GraphCompareView.Transform transform) {
        if (module == null) {
            return;
        }
        GraphCompareView compare = new GraphCompareView();
        Stage window = new Stage();
        window.setScene(new Scene(compare, 1100, 700));
        Scene host = owner.getScene();
        if (host != null) {
            window.initOwner(host.getWindow());
            window.getScene().getStylesheets().setAll(host.getStylesheets());
        }
        window.setTitle("Compare " + method + ": original and "
                + (transform == GraphCompareView.Transform.FREEZE ? "frozen" : "optimized for inference"));
        window.setOnHidden(e -> compare.close());
        window.show();
        compare.showTransformed(module, method, transform);
    }
}
