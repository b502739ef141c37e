package io.tsstudio.app.studio;

import io.tsstudio.app.studio.StudioAction.Kind;
import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.CodeEditorView;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.session.DockSlots;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.tsstudio.app.studio.StudioAction.StudioMenu.BUILD;
import static io.tsstudio.app.studio.StudioAction.StudioMenu.EDIT;
import static io.tsstudio.app.studio.StudioAction.StudioMenu.FILE;
import static io.tsstudio.app.studio.StudioAction.StudioMenu.HELP;
import static io.tsstudio.app.studio.StudioAction.StudioMenu.VIEW;
import static io.tsstudio.app.studio.StudioAction.action;
import static io.tsstudio.app.studio.StudioAction.separator;
import static io.tsstudio.app.studio.StudioAction.slot;

/**
 * The main window's actions table: every command of the menu bar, defined once. {@link ActionBars} builds the menu
 * bar from {@link #ALL} (in order, per menu), the toolbar from the ids in {@link #TOOLBAR}, and the F1 shortcut list
 * ({@link #shortcutList()}) from the same entries, so an accelerator can never differ between them.
 *
 * <h2>Adding an action</h2>
 * Add one entry to {@link #ALL}, where it goes in its menu, for example
 * <pre>{@code
 * action("file.exportTriton", FILE, "Export \u203a Triton\u2026", c -> c.commands().exportTriton())
 *         .key("Shortcut+Alt+E").icon("saveModel").enabledWhen(StudioActions::torchScriptModel),
 * }</pre>
 * The handler gets an {@link ActionContext}: {@code commands()} for work on the studio's state (add the method to
 * {@link StudioCommands}, where it is testable without a window), {@code window()} for what acts on the window's
 * nodes ({@link WindowCommands}). To put it on the toolbar too, add its id to {@link #TOOLBAR} (and a
 * {@code tooltip}/{@code toolText} if the menu text is not what the button should say). Ids are {@code menu.name};
 * a menu the window fills itself (Open Recent) is a {@link StudioAction#slot slot}.
 */
public final class StudioActions {
    private StudioActions() {
    }

    public static final List<StudioAction> ALL = List.of(
            action("file.newScript", FILE, "New Script", c -> c.commands().newScript()).key("Shortcut+N").icon("new").tooltip("New script"),
            action("file.newGraph", FILE, "New Graph Model", c -> c.commands().newGraphModel()).key("Shortcut+Shift+N").icon("graph"),
            action("file.open", FILE, "Open\u2026", c -> c.commands().open()).key("Shortcut+O").icon("open").tooltip("Open a model or script"),
            slot("file.recent", FILE),
            separator(FILE),
            action("file.save", FILE, "Save", c -> c.commands().save()).key("Shortcut+S").icon("save")
                    .enabledWhen(vm -> activeIs(vm, BufferKind.SCRIPT, BufferKind.MODULE_CODE)),
            action("file.saveAs", FILE, "Save As\u2026", c -> c.commands().saveAs()).key("Shortcut+Shift+S")
                    .enabledWhen(vm -> activeIs(vm, BufferKind.SCRIPT)),
            action("file.saveModel", FILE, "Save Model as .pt\u2026", c -> c.commands().saveModel()).key("Shortcut+Alt+S").icon("saveModel")
                    .tooltip("Save the model as .pt; for a script: compile it to a module and save").toolText("Save .pt"),
            slot("file.export", FILE),
            separator(FILE),
            action("file.compare", FILE, "Compare with\u2026", c -> c.window().compareWith())
                    .tooltip("Compare the active model with another file: structure, weights, code, first divergence")
                    .enabledWhen(StudioActions::torchScriptModel),
            separator(FILE),
            action("file.closeTab", FILE, "Close Tab", c -> c.window().closeActiveTab()).key("Shortcut+W"),
            action("file.quit", FILE, "Quit", c -> c.window().quit()).key("Shortcut+Q"),

            action("edit.undo", EDIT, "Undo", c -> c.window().inEditor(CodeEditorView::undo)).key("Shortcut+Z").icon("undo"),
            action("edit.redo", EDIT, "Redo", c -> c.window().inEditor(CodeEditorView::redo)).key("Shortcut+Shift+Z").icon("redo"),
            separator(EDIT),
            action("edit.find", EDIT, "Find\u2026", c -> c.window().inEditor(CodeEditorView::showFind)).key("Shortcut+F").icon("find"),
            action("edit.replace", EDIT, "Replace\u2026", c -> c.window().inEditor(CodeEditorView::showReplace)).key("Shortcut+H"),
            action("edit.goToLine", EDIT, "Go to Line\u2026", c -> c.window().inEditor(CodeEditorView::promptGoToLine)).key("Shortcut+G"),
            separator(EDIT),
            action("edit.complete", EDIT, "Complete", c -> c.window().inEditor(CodeEditorView::showCompletion)).key("Shortcut+Space"),
            action("edit.quickFix", EDIT, "Quick Fix", c -> c.window().inEditor(CodeEditorView::applyQuickFixesAtCaret)).key("Alt+Enter"),
            separator(EDIT),
            slot("edit.preferences", EDIT),

            action("build.recompile", BUILD, "Recompile into Module", c -> c.commands().recompile()).key("Shortcut+B").icon("compile")
                    .tooltip("Recompile the edited class into its module, weights kept").toolText("Recompile")
                    .enabledWhen(vm -> activeIs(vm, BufferKind.SCRIPT, BufferKind.MODULE_CODE)),
            action("build.compileScript", BUILD, "Compile Script to Module (.pt)\u2026", c -> c.commands().compileScript())
                    .key("Shortcut+Shift+B").icon("saveModel").enabledWhen(vm -> activeIs(vm, BufferKind.SCRIPT)),
            action("build.checkNow", BUILD, "Check Now", c -> c.commands().checkNow()).key("F7")
                    .enabledWhen(vm -> activeIs(vm, BufferKind.SCRIPT, BufferKind.MODULE_CODE)),

            action("view.theme", VIEW, "Toggle Light/Dark Theme", c -> c.window().toggleTheme()).key("Shortcut+Alt+T").icon("theme")
                    .tooltip("Light/dark theme"),
            action("view.inspector", VIEW, "Inspector", c -> c.window().showInspector()),
            action("view.graph", VIEW, "Graph", c -> c.window().showDock(DockSlots.GRAPH)).icon("graph"),
            action("view.run", VIEW, "Run Panel", c -> c.window().showDock(DockSlots.RUN)).icon("run"),
            action("view.problems", VIEW, "Problems", c -> c.window().showBottom(0)),
            action("view.console", VIEW, "Console", c -> c.window().showBottom(1)),

            action("help.shortcuts", HELP, "Keyboard Shortcuts", c -> c.window().showShortcuts()).key("F1"),
            action("help.logFolder", HELP, "Open Log Folder", c -> c.window().openLogFolder()),
            action("help.about", HELP, "About", c -> c.window().about()));

    /** Toolbar separator and the spacer that pushes what follows to the right. */
    public static final String TOOL_SEPARATOR = "|";
    public static final String TOOL_SPACER = ">";

    /** The toolbar: action ids from {@link #ALL}, left to right. */
    public static final List<String> TOOLBAR = List.of(
            "file.newScript", "file.open", "file.save", TOOL_SEPARATOR,
            "edit.undo", "edit.redo", "edit.find", TOOL_SEPARATOR,
            "build.recompile", "file.saveModel", TOOL_SPACER,
            "view.theme");

    /** Keys that belong to one view (they are not menu commands): the tail of the F1 list. */
    static final String VIEW_KEYS = String.join("\n",
            "Graph view (click the graph first):",
            "F  fit      + / -  zoom in / out      arrows  pan",
            "Enter  open/close the selected group",
            "T  trace ancestors and descendants",
            "Ctrl+F  search the graph",
            "Enter / Shift+Enter in search  next / previous match",
            "Double-click a group to open it",
            "Right-click a node or edge for its menu",
            "",
            "Graph editor (click the canvas first):",
            "Delete  remove      Ctrl+A  select all",
            "Ctrl+C / Ctrl+X / Ctrl+V  copy / cut / paste",
            "Ctrl+Z / Ctrl+Y  undo / redo",
            "Enter or double-click a palette entry  add it");

    /** The F1 list: each action with an accelerator, as "Ctrl+S  Save", then the views' own keys. */
    public static String shortcutList() {
        List<String> lines = new ArrayList<>();
        for (StudioAction a : ALL) {
            if (a.kind() == Kind.ACTION && a.accelerator() != null) lines.add(shortcutLine(a));
        }
        lines.add("");
        lines.add(VIEW_KEYS);
        return String.join("\n", lines);
    }

    /** One line of the shortcut list. */
    static String shortcutLine(StudioAction a) {
        return String.format("%-16s%s", a.keyText(), a.text().replace("\u2026", ""));
    }

    public static StudioAction byId(String id) {
        return ALL.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no action '" + id + "' in StudioActions.ALL"));
    }

    private static ObservableBooleanValue activeIs(StudioViewModel vm, BufferKind... kinds) {
        Set<BufferKind> set = Set.of(kinds);
        return Bindings.createBooleanBinding(() -> {
            EditorViewModel b = vm.workspace().activeBuffer();
            return b != null && set.contains(b.kind());
        }, vm.workspace().activeBufferProperty());
    }

    /** For entries' {@code enabledWhen}: the active model is a TorchScript module (it can be saved, exported, run). */
    public static ObservableBooleanValue torchScriptModel(StudioViewModel vm) {
        return Bindings.createBooleanBinding(() -> vm.workspace().activeModel() != null && vm.workspace().activeModel().isTorchScript(),
                vm.workspace().activeModelProperty());
    }

}
