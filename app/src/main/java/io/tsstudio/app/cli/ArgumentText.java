package io.tsstudio.app.cli;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.values.ValueJson;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of one {@code --arg}: inline JSON, or {@code @FILE.json} whose content is the JSON. Linux caps one
 * command-line argument at 128 KiB, too little for an image written as JSON. Inside a file, relative tensor-file paths
 * ({@code {"tensor": {"file": "x.npy"}}}) are resolved against the file's folder, so a JSON file and its tensors travel
 * together; inline, against the working directory.
 */
final class ArgumentText {
    private ArgumentText() {
    }

    /** The value of {@code --arg text} for argument {@code argument} (e.g. {@code argument 'x'}) of declared type {@code type}. */
    static Object read(String text, String type, String argument, Device device) {
        if (!text.startsWith("@")) return ValueJson.read(text, type, argument, device);
        String name = text.substring(1);
        if (name.isEmpty()) throw new UserError(argument + ": '@' must be followed by a JSON file name, e.g. --arg @input.json");
        Path file = Path.of(name);
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(argument + ": no such file: " + name + " (from --arg @" + name + ")");
        } catch (MalformedInputException e) {
            throw new UserError(argument + ": " + name + " is not UTF-8 text (--arg @FILE reads a JSON file)");
        } catch (IOException e) {
            throw new UserError(argument + ": cannot read " + name + ": " + (Files.isDirectory(file) ? "it is a directory" : e.getMessage()));
        }
        Path dir = file.toAbsolutePath().getParent();
        return ValueJson.read(json, type, argument + " (from " + name + ")", device, dir);
    }
}
