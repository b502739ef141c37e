package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.IncompleteGraphException;
import io.tsstudio.ui.grapheditor.model.ScriptGenerator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * The code generated from the document, kept in step with it: after an edit it is regenerated once on the
 * scheduler (several edits before it runs cost one generation). An incomplete graph gives comments saying what is
 * missing instead of code.
 */
final class GeneratedCode {
    private final GraphDocument doc;
    private final ReadOnlyStringWrapper code = new ReadOnlyStringWrapper("");
    private Consumer<Runnable> scheduler = Runnable::run;
    private boolean pending;

    GeneratedCode(GraphDocument doc) {
        this.doc = doc;
        regenerate();
    }

    ReadOnlyStringProperty codeProperty() {
        return code.getReadOnlyProperty();
    }

    void setScheduler(Consumer<Runnable> scheduler) {
        this.scheduler = scheduler;
    }

    /** Called after every document change. */
    void documentChanged() {
        if (pending) return;
        pending = true;
        scheduler.accept(() -> {
            pending = false;
            regenerate();
        });
    }

    private void regenerate() {
        try {
            code.set(ScriptGenerator.generate(doc).source());
        } catch (IncompleteGraphException e) {
            code.set("# The graph is not complete yet:\n# " + String.join("\n# ", e.issues()) + "\n");
        } catch (RuntimeException e) {
            code.set("# Cannot generate code: " + e.getMessage() + "\n");
        }
    }
}
