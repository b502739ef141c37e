package io.tsstudio.ui.run;

import io.tsstudio.engine.run.OutputNode;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One value a run produced inside the model (a node's outputs, an edge's value), in the same views as the run's
 * outputs: statistics, histogram, values.
 */
public final class ValueView extends VBox {
    private final Label title = new Label("Click a node or an edge of the graph after an observed run to see its value here.");
    private final OutputsView outputs = new OutputsView();

    public ValueView() {
        super(4);
        setId("valueView");
        title.setId("valueTitle");
        title.setWrapText(true);
        title.setPadding(new Insets(4, 0, 0, 0));
        VBox.setVgrow(outputs, Priority.ALWAYS);
        getChildren().addAll(title, outputs);
    }

    public void show(String what, OutputNode value) {
        title.setText(what);
        outputs.show(value);
    }

    /** A message instead of a value (none observed, or asking failed). */
    public void showMessage(String text) {
        title.setText(text);
        outputs.show(null);
    }

    public String titleText() {
        return title.getText();
    }
}
