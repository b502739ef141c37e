package io.tsstudio.ui.problems;

import io.tsstudio.ui.editor.Diagnostic;
import io.tsstudio.ui.editor.EditorViewModel;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Collects the diagnostics of every open buffer into one list, kept current as buffers are re-checked or closed. */
public final class ProblemsViewModel {
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final Map<EditorViewModel, ListChangeListener<Diagnostic>> watched = new IdentityHashMap<>();

    public void watch(EditorViewModel buffer) {
        ListChangeListener<Diagnostic> l = c -> rebuild();
        watched.put(buffer, l);
        buffer.diagnostics().addListener(l);
        buffer.nameProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    public void unwatch(EditorViewModel buffer) {
        ListChangeListener<Diagnostic> l = watched.remove(buffer);
        if (l != null) buffer.diagnostics().removeListener(l);
        rebuild();
    }

    private void rebuild() {
        List<Problem> all = new ArrayList<>();
        watched.keySet().forEach(b -> b.diagnostics().forEach(d -> all.add(new Problem(b.id(), b.name(), d))));
        all.sort((a, b) -> a.bufferName().equals(b.bufferName())
                ? Integer.compare(a.diagnostic().line(), b.diagnostic().line())
                : a.bufferName().compareTo(b.bufferName()));
        problems.setAll(all);
    }

    public ObservableList<Problem> problems() {
        return problems;
    }
}
