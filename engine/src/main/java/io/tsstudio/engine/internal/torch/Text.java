package io.tsstudio.engine.internal.torch;

import org.bytedeco.javacpp.BytePointer;

import java.nio.charset.StandardCharsets;

/** std::string results as Java strings; the presets hand an empty string back as null. */
final class Text {
    private Text() {
    }

    static String of(BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString(StandardCharsets.UTF_8);
    }
}
