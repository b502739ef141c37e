package io.tsstudio.engine.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicWriteTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailureMidWriteKeepsTheOriginalBytesAndLeavesNoTempFile() throws Exception {
        Path target = dir.resolve("model.pt");
        byte[] original = "original bytes".getBytes(StandardCharsets.UTF_8);
        Files.write(target, original);

        IOException e = assertThrows(IOException.class, () -> AtomicWrite.writeStream(target, out -> {
            out.write(new byte[64 * 1024]); // half of the new content reached the temp file ...
            out.flush();
            throw new IOException("disk full (injected)"); // ... then the write fails
        }));
        assertEquals("disk full (injected)", e.getMessage());
        assertArrayEquals(original, Files.readAllBytes(target));
        assertEquals(List.of("model.pt"), listing(), "no temp file left behind");

        // the same through the path-writer form that LibTorch's savers use
        assertThrows(IOException.class, () -> AtomicWrite.write(target, tmp -> {
            Files.write(tmp, new byte[1000]);
            throw new IOException("native save failed (injected)");
        }));
        assertArrayEquals(original, Files.readAllBytes(target));
        assertEquals(List.of("model.pt"), listing());
    }

    @Test
    void aDiskThatFillsUpMidWriteKeepsTheOriginal() throws Exception {
        try (SmallFileSystem fs = SmallFileSystem.mount(dir.resolve("small"), 256)) {
            Path target = fs.dir().resolve("inputs.json");
            Files.writeString(target, "{\"old\": true}");
            IOException e = assertThrows(IOException.class, () -> AtomicWrite.writeBytes(target, new byte[1024 * 1024]));
            assertTrue(e.getMessage().contains("No space left on device"), e.toString());
            assertEquals("{\"old\": true}", Files.readString(target));
            try (var s = Files.list(fs.dir())) {
                assertEquals(List.of("inputs.json"), s.map(p -> p.getFileName().toString()).toList(), "no temp file left behind");
            }
        }
    }

    @Test
    void aSaveOverKeeps0644And0664() throws Exception {
        for (String mode : List.of("rw-r--r--", "rw-rw-r--", "rwxr-x---")) {
            Path target = dir.resolve("shared-" + mode + ".pt");
            Files.writeString(target, "old");
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString(mode);
            Files.setPosixFilePermissions(target, perms);
            AtomicWrite.writeString(target, "new");
            assertEquals("new", Files.readString(target));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(target)), "mode of " + target);
        }
    }

    @Test
    void aNewFileGetsTheUmaskPermissionsNot0600() throws Exception {
        // what the umask gives any new file here, found by making one the ordinary way
        Path plain = dir.resolve("plain");
        Files.newOutputStream(plain).close();
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);

        Path target = dir.resolve("sub/new.pt");
        AtomicWrite.writeString(target, "x");
        assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void savingOverALinkWritesTheLinkedFile() throws Exception {
        Path real = dir.resolve("real.pt");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.pt"), real);
        AtomicWrite.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void concurrentWritersNeverShareATempFile() throws Exception {
        Path target = dir.resolve("run-inputs.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = ("writer " + i + " ").repeat(2000);
                fs.add(pool.submit(() -> {
                    AtomicWrite.writeString(target, text);
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdown();
        }
        String text = Files.readString(target);
        String first = text.substring(0, text.indexOf(' ', 7) + 1);
        assertEquals(first.repeat(2000), text, "the file is one writer's whole content");
        assertEquals(List.of("run-inputs.json"), listing());
    }
}
