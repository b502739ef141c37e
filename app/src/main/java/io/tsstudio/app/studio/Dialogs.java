package io.tsstudio.app.studio;

import io.tsstudio.engine.ModelFiles;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The studio's dialogs, in one place (the view model never opens windows). */
final class Dialogs implements Prompts {
    enum UnsavedChoice { SAVE, DISCARD, KEEP_FOR_NEXT_START, CANCEL }

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    static final ButtonType KEEP = new ButtonType("Keep for next start", ButtonBar.ButtonData.OK_DONE);

    private final Window owner;
    private Path lastDir;

    Dialogs(Window owner) {
        this.owner = owner;
    }

    private FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        if (lastDir != null && lastDir.toFile().isDirectory()) fc.setInitialDirectory(lastDir.toFile());
        return fc;
    }

    @Override
    public List<Path> filesToOpen() {
        FileChooser fc = chooser("Open");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("TorchScript models and scripts",
                        Stream.concat(ModelFiles.MODEL_EXTENSIONS.stream(), ModelFiles.SOURCE_EXTENSIONS.stream()).map(e -> "*." + e).toList()),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> files = fc.showOpenMultipleDialog(owner);
        if (files == null) return List.of();
        lastDir = files.get(0).toPath().getParent();
        return files.stream().map(File::toPath).toList();
    }

    Optional<Path> chooseOperatorLibrary() {
        FileChooser fc = chooser("Load Operator Library");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Native libraries", "*.so", "*.dylib", "*.dll"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File f = fc.showOpenDialog(owner);
        if (f == null) return Optional.empty();
        lastDir = f.toPath().getParent();
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> saveTarget(String title, String suggestedName, String description, String... patterns) {
        FileChooser fc = chooser(title);
        fc.setInitialFileName(suggestedName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        File f = fc.showSaveDialog(owner);
        if (f == null) return Optional.empty();
        lastDir = f.toPath().getParent();
        return Optional.of(f.toPath());
    }

    /** Asks what to do with unsaved buffers when the window closes. */
    UnsavedChoice confirmQuit(List<String> names) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText(names.size() == 1 ? "1 editor has unsaved changes" : names.size() + " editors have unsaved changes");
        a.setContentText(String.join("\n", names) + "\n\n\"Keep for next start\" reopens them, unsaved, when the studio starts again.");
        a.getButtonTypes().setAll(KEEP, DISCARD, ButtonType.CANCEL);
        ButtonType r = a.showAndWait().orElse(ButtonType.CANCEL);
        if (r == KEEP) return UnsavedChoice.KEEP_FOR_NEXT_START;
        if (r == DISCARD) return UnsavedChoice.DISCARD;
        return UnsavedChoice.CANCEL;
    }

    /** Asks what to do with one unsaved buffer when its tab closes. */
    UnsavedChoice confirmCloseTab(String name, String saveLabel) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle("Unsaved changes");
        a.setHeaderText(name + " has unsaved changes");
        ButtonType save = new ButtonType(saveLabel, ButtonBar.ButtonData.YES);
        a.getButtonTypes().setAll(save, DISCARD, ButtonType.CANCEL);
        ButtonType r = a.showAndWait().orElse(ButtonType.CANCEL);
        if (r == save) return UnsavedChoice.SAVE;
        if (r == DISCARD) return UnsavedChoice.DISCARD;
        return UnsavedChoice.CANCEL;
    }

    /** Offers to recover buffers a previous session left unsaved. */
    boolean confirmRecovery(List<String> names) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION);
        a.initOwner(owner);
        a.setTitle("Recover unsaved work");
        a.setHeaderText("The studio did not close cleanly last time");
        a.setContentText("Unsaved edits were kept for:\n" + String.join("\n", names) + "\n\nRecover them?");
        ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES);
        a.getButtonTypes().setAll(recover, DISCARD);
        return a.showAndWait().orElse(DISCARD) == recover;
    }

    void info(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.setContentText(text);
        a.showAndWait();
    }
}
