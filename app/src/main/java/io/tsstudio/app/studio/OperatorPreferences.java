package io.tsstudio.app.studio;

import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.ops.OperatorLibraries;
import io.tsstudio.engine.ops.SavedOperators;
import io.tsstudio.ui.preferences.StudioSettings;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Preferences of operators: native operator libraries loaded at start-up before any model (as
 * {@code torch.ops.load_library}; the run worker loads them too), and what a saved model carries for torchvision
 * operators the built-ins provided. Kept in studio.properties.
 */
final class OperatorPreferences {
    static final String LIBRARIES = "operators.libraries";
    static final String SAVED = "operators.saved";

    private final StudioSettings settings;

    OperatorPreferences(StudioSettings settings) {
        this.settings = settings;
    }

    List<Path> libraries() {
        List<Path> out = new ArrayList<>();
        for (String s : settings.get(LIBRARIES, "").split(Pattern.quote(File.pathSeparator))) if (!s.isBlank()) out.add(Path.of(s));
        return out;
    }

    SavedOperators saved() {
        try {
            return SavedOperators.parse(settings.get(SAVED, SavedOperators.TORCHVISION.name()));
        } catch (IllegalArgumentException e) {
            return SavedOperators.TORCHVISION;
        }
    }

    /** Loads the configured libraries and sets the save default; returns one message per library that failed. */
    List<String> apply() {
        SavedOperators.setDefaultPolicy(saved());
        List<String> failures = new ArrayList<>();
        for (Path p : libraries()) {
            try {
                OperatorLibraries.load(p);
            } catch (TorchException e) {
                failures.add(e.getMessage());
            }
        }
        return failures;
    }

    /** Loads {@code library} now and keeps it for later starts; throws TorchException when it cannot be loaded. */
    void addLibrary(Path library) {
        OperatorLibraries.load(library);
        List<Path> all = libraries();
        Path abs = library.toAbsolutePath().normalize();
        if (!all.contains(abs)) all.add(abs);
        settings.put(LIBRARIES, String.join(File.pathSeparator, all.stream().map(Path::toString).toList()));
        settings.save();
    }

    void setSaved(SavedOperators policy) {
        SavedOperators.setDefaultPolicy(policy);
        settings.put(SAVED, policy.name());
        settings.save();
    }
}
