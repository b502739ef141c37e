package io.tsstudio.engine;

/**
 * Where one class's printed code sits in a saved archive: the code file as IR source ranges name it
 * ({@code code/__torch__/torch/nn/modules/linear.py}) and the 1-based line of its {@code class} header. Line
 * {@code n} of the class's code (as {@link ScriptModule#codeByClass()} gives it) is line {@code firstLine + n - 1}
 * of the file.
 */
public record CodeLocation(String file, int firstLine, int lineCount) {
    /** Whether a line of {@link #file()} belongs to this class. */
    public boolean contains(String otherFile, int fileLine) {
        return file.equals(otherFile) && fileLine >= firstLine && fileLine < firstLine + lineCount;
    }

    /** The class-code line (1-based) of a file line. */
    public int classLine(int fileLine) {
        return fileLine - firstLine + 1;
    }

    /** The file line of a class-code line (1-based). */
    public int fileLine(int classLine) {
        return firstLine + classLine - 1;
    }
}
