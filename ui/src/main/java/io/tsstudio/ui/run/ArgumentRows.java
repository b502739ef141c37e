package io.tsstudio.ui.run;

import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.run.ProposedInput;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The run panel's argument rows for the selected method, and what the user typed for each method of the model (kept
 * when switching methods, saved with the model's inputs). Toolkit-free: observable lists only.
 */
final class ArgumentRows {
    private final ObservableList<ArgumentInput> rows = FXCollections.observableArrayList();
    /** method name → argument name → the row's saved fields. */
    private final Map<String, Map<String, Map<String, String>>> remembered = new LinkedHashMap<>();

    ObservableList<ArgumentInput> rows() {
        return rows;
    }

    /** What the user typed, per method; the live map (the inputs store saves it). */
    Map<String, Map<String, Map<String, String>>> remembered() {
        return remembered;
    }

    /** Replaces what is remembered with a model's saved inputs ({@code null}: none). */
    void restore(Map<String, Map<String, Map<String, String>>> saved) {
        remembered.clear();
        if (saved != null) remembered.putAll(saved);
    }

    /** Keeps the current rows as what the user typed for {@code methodName}. */
    void remember(String methodName) {
        Map<String, Map<String, String>> args = new LinkedHashMap<>();
        for (ArgumentInput a : rows) args.put(a.name(), a.save());
        remembered.put(methodName, args);
    }

    /**
     * Shows the method's arguments: the user's last inputs for this model where remembered, else what the engine
     * proposes from the model (it arrives a moment later, on {@code ui}; a row edited meanwhile keeps the edit, and
     * nothing changes once {@code selected} is another method).
     */
    void show(MethodInfo m, Function<String, CompletableFuture<List<ProposedInput>>> propose, Executor ui, Supplier<MethodInfo> selected) {
        rows.clear();
        if (m == null) return;
        Map<String, Map<String, String>> saved = remembered.getOrDefault(m.name(), Map.of());
        Map<ArgumentInput, Map<String, String>> untouched = new LinkedHashMap<>();
        for (var info : m.arguments()) {
            if (info.name().equals("self")) continue;
            ArgumentInput a = new ArgumentInput(info);
            Map<String, String> s = saved.get(info.name());
            if (s != null) a.restore(s);
            if (!ArgumentInput.LAST_INPUTS.equals(a.sourceProperty().get())) untouched.put(a, a.save());
            rows.add(a);
        }
        if (untouched.isEmpty()) return;
        propose.apply(m.name()).whenComplete((proposals, e) -> ui.execute(() -> {
            if (e != null || selected.get() != m) return; // no proposal: the plain defaults stay
            for (ProposedInput p : proposals) {
                untouched.forEach((a, before) -> {
                    if (a.name().equals(p.name()) && a.save().equals(before) && rows.contains(a)) a.apply(p);
                });
            }
        }));
    }

    /** Each row as run-request JSON, in order; the first row that does not parse throws with its message. */
    List<String> toJson() {
        List<String> args = new ArrayList<>();
        for (ArgumentInput a : rows) args.add(a.toJson());
        return args;
    }
}
