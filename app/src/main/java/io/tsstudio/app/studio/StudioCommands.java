package io.tsstudio.app.studio;

import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.session.OpenModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The main window's commands, routed by the kind of the tab in front: Save recompiles a class tab into its model
 * and writes a script tab to its file; Recompile on a script compiles it to a module; and so on. No nodes: the
 * questions go through {@link Prompts}, so tests run the routing with fixed answers.
 */
public final class StudioCommands {
    private static final String[] SCRIPT_FILES = {"*.py", "*.ts"};

    private final StudioViewModel vm;
    private final Prompts prompts;

    StudioCommands(StudioViewModel vm, Prompts prompts) {
        this.vm = vm;
        this.prompts = prompts;
    }

    private Optional<EditorViewModel> active() {
        return Optional.ofNullable(vm.workspace().activeBuffer());
    }

    public void newScript() {
        vm.newScript("");
    }

    /** A visual model editor tab (palette, canvas, generated TorchScript); its models open in the graph view and run panel. */
    public void newGraphModel() {
        vm.newGraphModel();
    }

    public void open() {
        List<Path> files = prompts.filesToOpen();
        if (!files.isEmpty()) vm.open(files);
    }

    /** A class tab recompiles into its model; a script is written to its file (asking for one if it has none). */
    public void save() {
        active().ifPresent(b -> {
            if (b.kind() == BufferKind.MODULE_CODE) vm.recompile(b);
            else if (b.kind() == BufferKind.SCRIPT) {
                if (b.file() == null) saveAs();
                else saveScriptTo(b, b.file());
            }
        });
    }

    public void saveAs() {
        active().filter(b -> b.kind() == BufferKind.SCRIPT).ifPresent(b -> scriptTarget(b).ifPresent(p -> saveScriptTo(b, p)));
    }

    Optional<Path> scriptTarget(EditorViewModel b) {
        return prompts.saveTarget("Save script", b.name(), "TorchScript source", SCRIPT_FILES);
    }

    /** Writes a script; a failure is a notice (the buffer keeps its edits), and false. */
    boolean saveScriptTo(EditorViewModel b, Path p) {
        try {
            vm.saveScript(b, p);
            return true;
        } catch (IOException e) {
            vm.notice("Cannot save " + p + ": " + e.getMessage());
            return false;
        }
    }

    /** A class tab recompiles into its model; a script compiles to a new module file. */
    public void recompile() {
        active().ifPresent(b -> {
            if (b.kind() == BufferKind.MODULE_CODE) vm.recompile(b);
            else if (b.kind() == BufferKind.SCRIPT) compileScript();
        });
    }

    /** Saves the active model as .pt; on a script tab, compiles the script to a module and saves that. */
    public void saveModel() {
        Optional<EditorViewModel> b = active();
        if (b.isPresent() && b.get().kind() == BufferKind.SCRIPT) {
            compileScript();
            return;
        }
        OpenModel m = vm.modelFor(vm.workspace().activeBuffer());
        if (m == null || !m.isTorchScript()) {
            vm.statusProperty().set("No TorchScript model is active: open a .pt file, or compile a script with Ctrl+Shift+B");
            return;
        }
        String suggested = m.fileName().replaceFirst("(\\.[^.]*)?$", "-edited.pt");
        prompts.saveTarget("Save model as .pt", suggested, "TorchScript model", "*.pt").ifPresent(p -> vm.saveModel(m, p));
    }

    public void compileScript() {
        active().filter(b -> b.kind() == BufferKind.SCRIPT).ifPresent(b -> {
            String suggested = b.name().replaceFirst("(\\.[^.]*)?$", ".pt");
            prompts.saveTarget("Compile script to module", suggested, "TorchScript model", "*.pt").ifPresent(p -> vm.compileToModule(b, p));
        });
    }

    public void checkNow() {
        active().ifPresent(EditorViewModel::requestCheck);
    }
}
