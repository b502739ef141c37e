package io.tsstudio.app.studio;

import io.tsstudio.ui.editor.CodeEditorView;

import java.util.function.Consumer;

/** The actions the main window does itself: they act on its nodes (the editor in front, docks, theme, dialogs). */
public interface WindowCommands {
    /** Runs a command on the code editor of the selected tab, if the selected tab is one. */
    void inEditor(Consumer<CodeEditorView> command);

    void toggleTheme();

    void showInspector();

    /** Selects a right-hand dock slot ({@link io.tsstudio.ui.session.DockSlots}). */
    void showDock(String slot);

    /** Selects a bottom tab: 0 problems, 1 console. */
    void showBottom(int index);

    /** Closes the selected tab, asking about unsaved edits. */
    void closeActiveTab();

    void quit();

    /** File › Compare with…: the active model against a chosen file, in a compare window. */
    void compareWith();

    void showShortcuts();

    void openLogFolder();

    void about();
}
