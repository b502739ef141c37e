package io.tsstudio.ui.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Recognises TorchScript source files (by extension, or by being UTF-8 text) as opposed to binary archives. */
public final class SourceFiles {
    public static final Set<String> SOURCE_EXTENSIONS = Set.of("py", "ts", "torchscript", "txt");
    public static final Set<String> MODEL_EXTENSIONS = Set.of("pt", "pth", "pt2", "zip", "ptl");

    private SourceFiles() {
    }

    public static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static boolean hasSourceExtension(Path p) {
        return SOURCE_EXTENSIONS.contains(extension(p));
    }

    /** True if the file's first 64 KB is NUL-free UTF-8 (a zip archive, a pickle or a tensor dump is not). */
    public static boolean looksLikeText(Path p) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(p)) {
            head = in.readNBytes(64 * 1024);
        }
        for (byte b : head) if (b == 0) return false;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, safeEnd(head)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // Do not split a multi-byte character at the 64 KB cut: drop a trailing incomplete sequence.
    private static int safeEnd(byte[] b) {
        int n = b.length;
        for (int k = 1; k <= 3 && n - k >= 0; k++) {
            int lead = b[n - k] & 0xFF;
            if ((lead & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead
            int expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return expected > k ? n - k : n;
        }
        return n;
    }
}
