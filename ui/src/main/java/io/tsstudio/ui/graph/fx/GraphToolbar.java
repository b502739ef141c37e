package io.tsstudio.ui.graph.fx;

import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.SearchResults;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The graph view's toolbar: method picker, View menu (minimap, compare, show hidden), search with next/previous,
 * expand/collapse all, folding, flat view, trace, fit and export. A search with a bad pattern marks the field
 * ({@code .graph-search-error} in the theme) and says why on the status line.
 */
final class GraphToolbar {
    private final GraphPane pane;
    // A clear button (ControlsFX) empties the search in one click.
    private final TextField search = TextFields.createClearableTextField();
    private final Label searchCount = new Label();
    private final CheckBox fold = new CheckBox("Fold constants");
    private final CheckBox flat = new CheckBox("Flat");
    private final ComboBox<String> methodPicker = new ComboBox<>();
    private final CheckMenuItem minimapItem = new CheckMenuItem("Minimap");
    private final MenuItem showHidden = new MenuItem("Show hidden");
    private final ToolBar bar;
    private Consumer<String> onMethodPicked = m -> { };
    private boolean settingMethods;

    GraphToolbar(GraphPane pane, GraphCanvas canvas, TransformCompare compare) {
        this.pane = pane;
        search.setId("graphSearch");
        search.setPromptText("Search (regex: kind, name, type)");
        search.setPrefColumnCount(18);
        search.setOnAction(e -> runSearch(true));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                runSearch(false);
                e.consume();
            }
        });
        Button prev = button("\u25B2", "graphPrev", () -> runSearch(false));
        Button next = button("\u25BC", "graphNext", () -> runSearch(true));
        Button expandAll = button("Expand all", "graphExpandAll", () -> pane.withVm(v -> v.expandAll(20_000)));
        Button collapseAll = button("Collapse all", "graphCollapseAll", () -> pane.withVm(GraphViewModel::collapseAll));
        Button trace = button("Trace", "graphTrace", () -> pane.withVm(GraphViewModel::traceSelected));
        Button fit = button("Fit", "graphFit", canvas::fit);
        Button png = button("PNG\u2026", "graphExportPng", () -> pane.export().dialog("png"));
        Button svg = button("SVG\u2026", "graphExportSvg", () -> pane.export().dialog("svg"));
        fold.setSelected(true);
        fold.setId("graphFold");
        fold.setOnAction(e -> pane.regroup(v -> v.setFoldConstants(fold.isSelected()), false));
        flat.setId("graphFlat");
        flat.setOnAction(e -> pane.regroup(v -> v.setFlat(flat.isSelected()), true));
        methodPicker.setId("graphMethod");
        methodPicker.setTooltip(new Tooltip("The method whose graph is drawn"));
        methodPicker.setVisible(false);
        methodPicker.setManaged(false);
        methodPicker.valueProperty().addListener((o, was, now) -> {
            if (!settingMethods && now != null && !now.equals(was)) onMethodPicked.accept(now);
        });
        MenuButton viewMenu = new MenuButton("View");
        viewMenu.setId("graphViewMenu");
        minimapItem.setId("graphMinimapItem");
        minimapItem.setSelected(true);
        showHidden.setId("graphShowHidden");
        showHidden.setDisable(true);
        showHidden.setOnAction(e -> pane.withVm(GraphViewModel::showHidden));
        viewMenu.getItems().add(minimapItem);
        viewMenu.getItems().add(new SeparatorMenuItem());
        viewMenu.getItems().addAll(compare.items());
        viewMenu.getItems().addAll(new SeparatorMenuItem(), showHidden);
        viewMenu.getItems().forEach(m -> m.setMnemonicParsing(false)); // "optimize_for_inference" keeps its underscores
        // The method picker and the View menu first: in a narrow dock the toolbar's tail overflows into its menu.
        bar = new ToolBar(methodPicker, viewMenu, search, prev, next, searchCount, new Separator(Orientation.VERTICAL),
                expandAll, collapseAll, fold, flat, trace, new Separator(Orientation.VERTICAL), fit, png, svg);
        // Controls keep their text's width: what does not fit goes to the toolbar's overflow menu instead of being cut
        // to "for..." / "Expan..." (the search field alone may shrink).
        bar.getItems().forEach(n -> {
            if (n instanceof Labeled || n instanceof ComboBoxBase<?>) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            }
        });
    }

    ToolBar node() {
        return bar;
    }

    CheckMenuItem minimapItem() {
        return minimapItem;
    }

    ComboBox<String> methodPicker() {
        return methodPicker;
    }

    void focusSearch() {
        search.requestFocus();
    }

    /** A new graph starts with the default options; nothing is hidden yet. */
    void newGraph() {
        fold.setSelected(true);
        flat.setSelected(false);
        showHidden.setDisable(true);
    }

    /** "Show hidden" is offered while something is hidden. */
    void hiddenCountChanged(int hidden) {
        showHidden.setDisable(hidden == 0);
    }

    /** Offers {@code methods} with {@code current} chosen; picking another calls {@code onPick} with its name. */
    void setMethods(List<String> methods, String current, Consumer<String> onPick) {
        settingMethods = true;
        try {
            methodPicker.getItems().setAll(methods);
            methodPicker.setValue(current);
        } finally {
            settingMethods = false;
        }
        onMethodPicked = onPick == null ? m -> { } : onPick;
        boolean show = !methods.isEmpty();
        methodPicker.setVisible(show);
        methodPicker.setManaged(show);
    }

    private void runSearch(boolean forward) {
        GraphViewModel vm = pane.viewModel();
        if (vm == null || search.getText().isBlank()) {
            return;
        }
        try {
            SearchResults r = vm.currentSearch().filter(s -> s.query().equals(search.getText()))
                    .orElseGet(() -> vm.search(search.getText()));
            Optional<GraphNode> hit = forward ? vm.searchNext() : vm.searchPrevious();
            hit.ifPresent(pane.navigation()::centreOn);
            searchCount.setText(r.size() == 0 ? "no match" : (r.cursor() + 1) + " / " + r.size());
            search.getStyleClass().remove("graph-search-error");
        } catch (IllegalArgumentException e) {
            searchCount.setText("bad pattern");
            if (!search.getStyleClass().contains("graph-search-error")) search.getStyleClass().add("graph-search-error");
            pane.say(e.getMessage());
        }
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
