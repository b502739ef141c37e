package io.tsstudio.ui.inspect;

import io.tsstudio.ui.theme.Icons;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;

import java.util.function.Function;

/**
 * The model inspector: totals on top, a tree table of modules, parameters, buffers, attributes and methods, and a
 * pane with the selected tensor's statistics and first values.
 */
public final class InspectorView extends BorderPane {
    private final InspectorViewModel viewModel;
    private final TreeTableView<InspectorRow> table = new TreeTableView<>();
    private final Label totals = new Label();
    private final Label tensorTitle = new Label("Select a tensor to see its values");
    private final Label tensorStats = new Label();
    private final Label tensorValues = new Label();
    private final AttributeSheet attributes = new AttributeSheet();

    @SuppressWarnings("unchecked")
    public InspectorView(InspectorViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("inspector");
        table.setId("inspectorTree");
        totals.setId("inspectorTotals");
        tensorStats.setId("tensorStats");
        tensorValues.setId("tensorValues");
        totals.getStyleClass().add("panel-header");
        totals.setMaxWidth(Double.MAX_VALUE);
        totals.setWrapText(true); // a narrow inspector shows all the totals on two lines rather than cutting them
        totals.textProperty().bind(viewModel.totalsProperty());
        table.setShowRoot(true);
        table.setPlaceholder(new Label("Open a .pt file to inspect it"));
        table.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        TreeTableColumn<InspectorRow, String> name = column("Name", 200, InspectorRow::name);
        name.setCellFactory(c -> new NameCell());
        // Tensor facts first (they are what people look for); the long type/schema text last.
        table.getColumns().addAll(name,
                column("Shape", 72, InspectorRow::shape),
                column("DType", 62, InspectorRow::dtype),
                column("Elements", 72, InspectorRow::elements),
                column("Size", 64, InspectorRow::size),
                column("Device", 52, InspectorRow::device),
                column("Type / schema", 320, InspectorRow::type));
        viewModel.modelProperty().addListener((o, a, m) -> rebuild(m));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            attributes.show(moduleOf(item));
            TensorEntry t = item == null ? null : item.getValue().tensor();
            viewModel.selectedTensorProperty().set(t);
            tensorTitle.setText(t == null ? "Select a tensor to see its values"
                    : t.name() + "   " + t.shapeText() + "   " + t.dtype() + "   " + t.device());
        });
        viewModel.statsProperty().addListener((o, a, s) -> {
            tensorStats.setText(s == null ? "" : s.describe());
            tensorValues.setText(s == null ? "" : s.firstValuesText());
        });
        viewModel.statsErrorProperty().addListener((o, a, e) -> {
            if (!e.isEmpty()) tensorStats.setText(e);
        });
        tensorValues.getStyleClass().add("tensor-values");
        tensorStats.getStyleClass().add("tensor-values");
        tensorValues.setWrapText(true);
        tensorStats.setWrapText(true);
        tensorStats.setMinHeight(Region.USE_PREF_SIZE);
        tensorValues.setMinHeight(Region.USE_PREF_SIZE);
        tensorTitle.getStyleClass().add("panel-header");
        tensorTitle.setMaxWidth(Double.MAX_VALUE);
        tensorTitle.setWrapText(true);
        VBox details = new VBox(6, tensorTitle, tensorStats, tensorValues, attributes);
        details.setPadding(new Insets(0, 0, 6, 0));
        VBox.setMargin(tensorStats, new Insets(0, 8, 0, 8));
        VBox.setMargin(tensorValues, new Insets(0, 8, 0, 8));
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.72);
        setTop(totals);
        setCenter(split);
    }

    private TreeTableColumn<InspectorRow, String> column(String title, double width, Function<InspectorRow, String> value) {
        TreeTableColumn<InspectorRow, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 40));
        columnText.put(c, value);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().getValue() == null ? "" : value.apply(p.getValue().getValue())));
        return c;
    }

    /** The module a row belongs to: the row's own, or its nearest module ancestor's. */
    private static ModuleEntry moduleOf(TreeItem<InspectorRow> item) {
        for (TreeItem<InspectorRow> i = item; i != null; i = i.getParent()) {
            if (i.getValue() != null && i.getValue().module() != null) return i.getValue().module();
        }
        return null;
    }

    /** The attributes sheet of the selected module (for tests). */
    public org.controlsfx.control.PropertySheet attributeSheet() {
        return attributes;
    }

    private void rebuild(ModelSummary m) {
        if (m == null) {
            table.setRoot(null);
            return;
        }
        TreeItem<InspectorRow> root = item(InspectorTree.build(m), 0);
        table.setRoot(root);
        fitColumns(root);
    }

    /** Each column as wide as its header and the texts of the rows shown open (the first 2,000), so nothing is cut to "…". */
    private void fitColumns(TreeItem<InspectorRow> root) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(javafx.scene.text.Font.font(13)); // the studio theme's font size
        java.util.Map<TreeTableColumn<InspectorRow, String>, Double> widths = new java.util.HashMap<>();
        java.util.ArrayDeque<TreeItem<InspectorRow>> open = new java.util.ArrayDeque<>(java.util.List.of(root));
        java.util.Map<TreeItem<InspectorRow>, Integer> depth = new java.util.IdentityHashMap<>();
        depth.put(root, 0);
        int rows = 0;
        while (!open.isEmpty() && rows++ < 2000) {
            TreeItem<InspectorRow> item = open.pop();
            int d = depth.get(item);
            for (var e : columnText.entrySet()) {
                probe.setText(e.getValue().apply(item.getValue()));
                // the name column also holds the tree's indent, disclosure arrow and icon
                double w = probe.getLayoutBounds().getWidth() + (e.getKey() == table.getColumns().get(0) ? 18 * d + 44 : 0);
                widths.merge(e.getKey(), w, Math::max);
            }
            if (item.isExpanded()) {
                for (int i = item.getChildren().size() - 1; i >= 0; i--) {
                    depth.put(item.getChildren().get(i), d + 1);
                    open.push(item.getChildren().get(i));
                }
            }
        }
        for (var e : columnText.entrySet()) {
            probe.setText(e.getKey().getText());
            double header = probe.getLayoutBounds().getWidth() + 24;
            double cap = e.getKey() == table.getColumns().get(0) ? 420 : 900;
            e.getKey().setPrefWidth(Math.min(cap, Math.max(header, widths.getOrDefault(e.getKey(), 0.0) + 20)));
        }
    }

    private final java.util.Map<TreeTableColumn<InspectorRow, String>, Function<InspectorRow, String>> columnText = new java.util.LinkedHashMap<>();

    private TreeItem<InspectorRow> item(InspectorTree.Node node, int depth) {
        TreeItem<InspectorRow> item = new TreeItem<>(node.row());
        for (InspectorTree.Node c : node.children()) item.getChildren().add(item(c, depth + 1));
        InspectorRow.Kind k = node.row().kind();
        // Modules and their tensors open (what people look for first); attributes and methods stay folded.
        boolean tensorGroup = k == InspectorRow.Kind.GROUP && (node.row().name().startsWith("parameters") || node.row().name().startsWith("buffers"));
        item.setExpanded(k == InspectorRow.Kind.MODULE && depth < 4 || tensorGroup && node.children().size() <= 64 || depth == 0);
        return item;
    }

    /** Selects the row of the tensor with this dotted name; true if found. */
    public boolean selectTensor(String dottedName) {
        TreeItem<InspectorRow> found = find(table.getRoot(), dottedName);
        if (found == null) return false;
        for (TreeItem<InspectorRow> p = found.getParent(); p != null; p = p.getParent()) p.setExpanded(true);
        table.getSelectionModel().select(found);
        table.scrollTo(Math.max(0, table.getRow(found) - 2));
        return true;
    }

    private static TreeItem<InspectorRow> find(TreeItem<InspectorRow> item, String name) {
        if (item == null) return null;
        if (item.getValue().tensor() != null && item.getValue().tensor().name().equals(name)) return item;
        for (TreeItem<InspectorRow> c : item.getChildren()) {
            TreeItem<InspectorRow> f = find(c, name);
            if (f != null) return f;
        }
        return null;
    }

    public TreeTableView<InspectorRow> table() {
        return table;
    }

    public String statsText() {
        return tensorStats.getText();
    }

    public String valuesText() {
        return tensorValues.getText();
    }

    private static final class NameCell extends TreeTableCell<InspectorRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || getTableRow() == null || getTableRow().getItem() == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item);
            setGraphic(icon(getTableRow().getItem().kind()));
        }

        private static Node icon(InspectorRow.Kind kind) {
            return switch (kind) {
                case MODULE -> Icons.get("module", 14, "icon-accent");
                case PARAMETER, STATE -> Icons.get("parameter", 14);
                case BUFFER -> Icons.get("buffer", 14);
                case ATTRIBUTE -> Icons.get("attribute", 14);
                case METHOD -> Icons.get("method", 14);
                case GROUP -> null;
            };
        }
    }
}
