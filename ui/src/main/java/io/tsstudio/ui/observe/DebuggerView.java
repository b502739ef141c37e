package io.tsstudio.ui.observe;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The debugger: its toolbar, where it stands, the current frame's variables and the call stack. */
public final class DebuggerView extends BorderPane {
    private final DebuggerViewModel model;

    public DebuggerView(DebuggerViewModel model) {
        this.model = model;
        setId("debuggerView");
        var idle = model.stateProperty().isEqualTo(DebuggerViewModel.State.IDLE);
        var paused = model.stateProperty().isEqualTo(DebuggerViewModel.State.PAUSED);
        Button toBreak = button("Run to breakpoint", "debugRun", "Run the Run panel's method to the first breakpoint (F8)", model::runToBreakpoint);
        toBreak.disableProperty().bind(idle.not().and(paused.not()));
        Button over = button("Step over", "debugStepOver", "Run the next node; a submodule call runs whole (F10)", model::stepOver);
        over.disableProperty().bind(idle.not().and(paused.not()));
        Button into = button("Step into", "debugStepInto", "Run the next node, into a submodule call (F11)", model::stepInto);
        into.disableProperty().bind(idle.not().and(paused.not()));
        Button out = button("Step out", "debugStepOut", "Run until the current submodule call returns (Shift+F11)", model::stepOut);
        out.disableProperty().bind(paused.not());
        Button cont = button("Continue", "debugContinue", "Run to the next breakpoint or the end", model::resume);
        cont.disableProperty().bind(paused.not());
        Button stop = button("Stop", "debugStop", "End the run (within a second, even in an endless loop)", model::stop);
        stop.disableProperty().bind(idle);
        setTop(new ToolBar(toBreak, over, into, out, cont, stop));

        Label status = new Label();
        status.setId("debugStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));

        TableView<DebuggerViewModel.Variable> vars = new TableView<>(model.variables());
        vars.setId("debugVariables");
        vars.setPlaceholder(new Label("No frame: the run is not paused."));
        TableColumn<DebuggerViewModel.Variable, String> name = new TableColumn<>("variable");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(120);
        TableColumn<DebuggerViewModel.Variable, String> value = new TableColumn<>("value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        vars.getColumns().add(name);
        vars.getColumns().add(value);
        vars.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        ListView<String> stack = new ListView<>(model.stack());
        stack.setId("debugStack");
        stack.setPlaceholder(new Label("Call stack"));
        Label breakCount = new Label();
        breakCount.setId("debugBreakpoints");
        breakCount.textProperty().bind(Bindings.createStringBinding(() -> model.breakpoints().isEmpty() ? "No breakpoints."
                : model.breakpoints().size() + " breakpoint" + (model.breakpoints().size() == 1 ? "" : "s") + ": "
                + String.join(", ", model.breakpoints().stream().map(Breakpoint::toString).toList()), model.breakpoints()));
        breakCount.setPadding(new Insets(2, 8, 2, 8));
        VBox right = new VBox(stack, breakCount);
        VBox.setVgrow(stack, Priority.ALWAYS);
        SplitPane split = new SplitPane(vars, right);
        split.setDividerPositions(0.6);
        setCenter(split);
        setBottom(status);
    }

    public DebuggerViewModel viewModel() {
        return model;
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
