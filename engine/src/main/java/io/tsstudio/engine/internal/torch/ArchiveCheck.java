package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.CompileException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.global.torch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles an edited archive by loading it with LibTorch's importer, the way the archive's own code was compiled:
 * {@code __torch__}, {@code ops}, {@code annotate}, {@code CONSTANTS} and the other classes resolve as they do for
 * the saved file. A compile error in the edited file maps back to a line of the edited class.
 */
public final class ArchiveCheck {
    private static final Pattern FILE = Pattern.compile("File \"([^\"]*)\", line (\\d+)");

    private ArchiveCheck() {
    }

    /**
     * Loads {@code archivePath} and frees it again. {@code file} (e.g. {@code code/__torch__/x.py}) holds the edited
     * class at {@code firstLine} (1-based) for {@code classLines} lines; {@code classCode} is that class's text.
     */
    public static void compiles(String archivePath, String file, int firstLine, int classLines, String classCode) {
        try (PointerScope s = new PointerScope()) {
            torch.load(archivePath).close();
        } catch (RuntimeException e) {
            String message = Errors.clean(e);
            Matcher m = FILE.matcher(message);
            boolean inClass = m.find() && m.group(1).endsWith(file);
            int fileLine = inClass ? Integer.parseInt(m.group(2)) : 0;
            inClass &= fileLine >= firstLine && fileLine < firstLine + classLines;
            int[] original = new int[Math.max(fileLine, 1)];
            int[] added = new int[original.length];
            java.util.Arrays.fill(original, 1);
            if (inClass) original[fileLine - 1] = fileLine - firstLine + 1;
            // an error outside the edited class (a caller broken by the edit) is reported on the class header
            CompileException mapped = CompileErrors.from(classCode, new ScriptArchive.Generated("", original, added), e);
            if (inClass) throw mapped;
            throw new CompileException(mapped.getMessage(), mapped.shortMessage(), 1, 1, mapped.sourceLine(), e);
        }
    }
}
