package io.tsstudio.app.studio;

import io.tsstudio.ui.graph.fx.GraphCompareView;
import io.tsstudio.ui.session.OpenModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;

/** File › Compare with…: a window comparing the active model with another file (see {@link GraphCompareView}). */
final class CompareWindow {
    private CompareWindow() {
    }

    /** Opens the window; the other model is loaded and compared off the FX thread, and closed with the window. */
    static GraphCompareView open(Window owner, OpenModel model, Path other) {
        GraphCompareView view = new GraphCompareView();
        Stage window = new Stage();
        window.initOwner(owner);
        window.setTitle("Compare " + model.fileName() + " with " + other.getFileName());
        window.setScene(new Scene(view, 1280, 820));
        window.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
        window.setOnHidden(e -> view.close());
        window.show();
        String method = model.module().hasMethod("forward") ? "forward" : model.module().methods().get(0).name();
        view.compareWithFile(model.fileName(), model.module(), other, method);
        return view;
    }
}
