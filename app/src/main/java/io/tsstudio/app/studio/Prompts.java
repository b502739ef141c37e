package io.tsstudio.app.studio;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The questions a command asks the user: which files to open, where to save. {@link Dialogs} asks with file choosers;
 * tests answer with fixed paths, so {@link StudioCommands} runs without a window.
 */
interface Prompts {
    /** Files to open; empty when the user cancelled. */
    List<Path> filesToOpen();

    /** Where to save; empty when the user cancelled. */
    Optional<Path> saveTarget(String title, String suggestedName, String description, String... patterns);
}
