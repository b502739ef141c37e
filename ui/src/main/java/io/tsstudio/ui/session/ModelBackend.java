package io.tsstudio.ui.session;

import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.editor.SourceChecker;
import io.tsstudio.ui.inspect.TensorValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the studio asks of the engine, in one place, so view models stay testable and the engine-facing code is
 * local. All methods block and are called on worker threads. {@link EngineModelBackend} is the implementation over
 * the real LibTorch engine.
 */
public interface ModelBackend {
    /** LibTorch's version; the first call loads LibTorch. */
    String libtorchVersion();

    /** Devices LibTorch can use: {@code cpu}, then {@code cuda:N}. */
    List<String> devices();

    /**
     * Opens a file: TorchScript archive, torch.save archive or source text.
     *
     * @throws ModelFileException with a message that says what the file is and what was expected
     */
    default OpenedFile open(Path file) throws IOException, ModelFileException {
        return open(file, OpenListener.NONE);
    }

    /**
     * As {@link #open(Path)}, telling {@code listener} how far it got; a TorchScript module is handed over as soon as it
     * is loaded.
     *
     * @throws java.util.concurrent.CancellationException when {@code listener} cancelled (nothing stays open)
     */
    OpenedFile open(Path file, OpenListener listener) throws IOException, ModelFileException;

    /** Compiles a script of {@code def} functions to check it (nothing is kept). */
    SourceChecker scriptChecker();

    /** Checks the code of one class of a loaded model against a private copy of the model. */
    SourceChecker classCodeChecker(OpenModel model, String className);

    /** Replaces the methods of {@code className} in the loaded module with those in {@code classCode}; weights are kept. */
    OpenModel recompile(OpenModel model, String className, String classCode) throws CompileFailure;

    /** Saves the loaded module atomically. */
    void save(OpenModel model, Path target) throws IOException;

    /** Compiles a script of {@code def} functions into a module (like {@code tsstudio compile}) and saves it. */
    void compileToFile(String source, Path target) throws CompileFailure, IOException;

    /** The class code of the loaded module's classes (after a recompile it changes). */
    java.util.Map<String, String> codeByClass(OpenModel model);

    TensorValueSource tensorValues(OpenModel model);

    OperatorCatalog operators();

    /** Members of the module for {@code self.} completion in a code tab of {@code className}. */
    List<io.tsstudio.ui.editor.CompletionItem> selfMembers(OpenModel model, String className);

    /** Releases a model's native memory. */
    void close(OpenModel model);
}
