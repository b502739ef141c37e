package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.GraphDocument;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph editor's model work, behind an interface so the view model can be tested without LibTorch: it owns the
 * compiled module and the weights of the document's blocks, and every call gets an immutable snapshot of the
 * document taken on the UI thread. Calls block (LibTorch, ELK, disk), so the view model makes them only from
 * {@link io.tsstudio.ui.concurrent.TaskRunner} jobs, one at a time; the real session ({@link TorchModelSession})
 * refuses to run on the UI thread. Errors are thrown: {@link io.tsstudio.ui.grapheditor.model.IncompleteGraphException},
 * {@link io.tsstudio.engine.CompileException}, or a runtime exception with a readable message.
 */
public interface ModelSession extends AutoCloseable {
    /** What compiling or tracing gave: a line for the status bar and the IR of {@code forward}. */
    record Built(String summary, String ir) {
    }

    /** A file opened as a document: its own graph when it carried one, else its forward turned into blocks. */
    record Opened(GraphDocument document, boolean carriedGraph, List<String> unmapped, List<String> skipped, String ir) {
        public Opened {
            unmapped = List.copyOf(unmapped);
            skipped = List.copyOf(skipped);
        }
    }

    /** Hand-edited code compiled back onto the document: the new document and what did not map to blocks. */
    record Applied(GraphDocument document, List<String> unmapped, String ir) {
        public Applied {
            unmapped = List.copyOf(unmapped);
        }
    }

    /** A module written for another process to run: the file and its example arguments as run-request JSON. */
    record RunnableModel(Path file, List<String> argsJson) {
        public RunnableModel {
            argsJson = List.copyOf(argsJson);
        }
    }

    /** Generates and compiles the document; the module becomes the session's current one ("scripted"). */
    Built compile(GraphDocument snapshot);

    /** Runs the document on its example inputs with the tracer on; the traced module becomes the current one. */
    Built trace(GraphDocument snapshot);

    /** Compiles the document and writes a {@code .pt} that carries it (atomically: a failed save leaves the old file). */
    void save(GraphDocument snapshot, Path file);

    /** Opens a {@code .pt}; on success its module and weights replace the session's. */
    Opened open(Path file);

    /** Compiles edited code onto the document's submodules and maps its IR back to blocks. */
    Applied applyCode(String code, GraphDocument snapshot);

    /**
     * Writes the current module (compiling the document first when there is none) with the document inside to
     * {@code dir}, and the document's example inputs beside it, for the worker process or the studio to load.
     */
    RunnableModel export(GraphDocument snapshot, Path dir);

    /** ELK positions for the given blocks (all when {@code only} is empty), keyed by block id. */
    Map<String, double[]> layout(GraphDocument snapshot, Set<String> only);

    /** Frees the module and the weights. */
    @Override
    void close();
}
