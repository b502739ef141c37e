package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.files.StoredZipEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipOutputStream;

/**
 * Writes a minimal TorchScript archive (what {@code torch.jit.save} writes, without tensors): the code of the
 * {@code __torch__} classes, an empty constants table and the pickled module tree. LibTorch compiles the code when it
 * loads the archive, which is how classes (that {@code compile} refuses) and generated models get into LibTorch.
 */
public final class TorchScriptArchive {
    /** The path of the code inside the archive, as LibTorch's errors name it. */
    public static final String CODE_FILE = "code/__torch__.py";

    private TorchScriptArchive() {
    }

    /**
     * An instance of module class {@code __torch__.<className>} as torch.jit.save pickles it: {@code training = False},
     * then float attributes and submodules in the order added.
     */
    public static final class ModuleObject {
        private final String className;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        public ModuleObject(String className) {
            this.className = className;
        }

        public ModuleObject floatAttribute(String name, double value) {
            attributes.put(name, value);
            return this;
        }

        public ModuleObject submodule(String name, ModuleObject child) {
            attributes.put(name, child);
            return this;
        }
    }

    /**
     * The archive version the code is written for. The loader runs code of an older version through upgraders that
     * keep the old semantics (version 3: torch.div of integers truncates, gelu has no {@code approximate}, torch.full
     * of an int infers float), so code written today must say 10: LibTorch 2.10's newest format, and the newest that
     * PyTorch 1.13 reads.
     */
    public static final int FILE_FORMAT_VERSION = 10;

    /** The archive bytes, ready for {@code Jit.load(byte[])} or a file. */
    public static byte[] write(String code, ModuleObject root) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                StoredZipEntry.write(zip, "archive/" + CODE_FILE, code.getBytes(StandardCharsets.UTF_8));
                StoredZipEntry.write(zip, "archive/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
                StoredZipEntry.write(zip, "archive/data.pkl", pickle(root));
                StoredZipEntry.write(zip, "archive/version", (FILE_FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pickle protocol 2: each object is GLOBAL, NEWOBJ(), then BUILD with a dict of its attributes. */
    private static byte[] pickle(ModuleObject root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x80, 2});
        object(out, root);
        out.write('.');
        return out.toByteArray();
    }

    private static void object(ByteArrayOutputStream out, ModuleObject m) {
        out.writeBytes(("c__torch__\n" + m.className + "\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {')', (byte) 0x81, '}', '('});
        key(out, "training");
        out.write(0x89); // False
        for (Map.Entry<String, Object> e : m.attributes.entrySet()) {
            key(out, e.getKey());
            if (e.getValue() instanceof ModuleObject child) {
                object(out, child);
            } else {
                out.write('G');
                out.writeBytes(ByteBuffer.allocate(8).putDouble((Double) e.getValue()).array());
            }
        }
        out.writeBytes(new byte[] {'u', 'b'});
    }

    private static void key(ByteArrayOutputStream out, String k) {
        byte[] b = k.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        out.writeBytes(b);
    }

}
