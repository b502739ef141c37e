package io.tsstudio.ui.run;

import io.tsstudio.engine.run.OutputNode;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;

/** The outputs: a tree for tuples, lists and dicts; beside it the selected tensor (or scalar) in detail. */
final class OutputsView extends SplitPane {
    private final TreeView<OutputNode> tree = new TreeView<>();
    private final TensorDetailView tensor = new TensorDetailView();
    private final Label scalar = new Label();
    private final StackPane detail = new StackPane();

    OutputsView() {
        tree.setId("outputTree");
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override
            protected void updateItem(OutputNode n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : n.label() + "  " + n.text());
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showDetail(now == null ? null : now.getValue()));
        scalar.setId("scalarValue");
        scalar.setWrapText(true);
        scalar.setPadding(new Insets(8));
        detail.getChildren().addAll(tensor, scalar);
        getItems().addAll(tree, detail);
        setDividerPositions(0.26);
        // Beside each other when there is room, the tree above the detail in a narrow dock.
        widthProperty().addListener((o, was, w) -> {
            javafx.geometry.Orientation want = w.doubleValue() < RunPanelView.NARROW ? javafx.geometry.Orientation.VERTICAL : javafx.geometry.Orientation.HORIZONTAL;
            if (getOrientation() != want) {
                setOrientation(want);
                setDividerPositions(want == javafx.geometry.Orientation.VERTICAL ? 0.2 : 0.26);
            }
        });
        show(null);
    }

    void show(OutputNode root) {
        if (root == null) {
            tree.setRoot(null);
            getItems().remove(tree);
            showDetail(null);
            return;
        }
        TreeItem<OutputNode> item = item(root);
        tree.setRoot(item);
        // A single tensor or scalar needs no tree: all the room goes to its values.
        boolean container = !root.children().isEmpty();
        if (container && !getItems().contains(tree)) {
            getItems().add(0, tree);
            setDividerPositions(getOrientation() == javafx.geometry.Orientation.VERTICAL ? 0.2 : 0.26);
        } else if (!container) {
            getItems().remove(tree);
        }
        TreeItem<OutputNode> first = item;
        while (!first.getValue().hasTensor() && !first.getChildren().isEmpty()) first = first.getChildren().get(0);
        tree.getSelectionModel().select(first);
        showDetail(first.getValue());
    }

    /** Child indices from the root to the selected node: what to save. */
    List<Integer> selectedPath() {
        List<Integer> path = new ArrayList<>();
        TreeItem<OutputNode> item = tree.getSelectionModel().getSelectedItem();
        while (item != null && item.getParent() != null) {
            path.add(0, item.getParent().getChildren().indexOf(item));
            item = item.getParent();
        }
        return path;
    }

    OutputNode selected() {
        TreeItem<OutputNode> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    private static TreeItem<OutputNode> item(OutputNode n) {
        TreeItem<OutputNode> item = new TreeItem<>(n);
        item.setExpanded(true);
        for (OutputNode c : n.children()) item.getChildren().add(item(c));
        return item;
    }

    private void showDetail(OutputNode n) {
        boolean isTensor = n != null && n.hasTensor() && n.tensor() != null;
        tensor.setVisible(isTensor);
        scalar.setVisible(!isTensor);
        if (isTensor) tensor.show(n.tensor());
        else scalar.setText(n == null ? "Run the model to see its outputs here." : n.kind() + ": " + n.text());
    }
}
