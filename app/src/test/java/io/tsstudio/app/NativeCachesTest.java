package io.tsstudio.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native-cache layout, manifest and JavaFX unpacking with small crafted jars (no real natives loaded here). */
class NativeCachesTest {
    private static final String P = "linux-x86_64";
    @TempDir
    Path dir;

    private Path jar(String name, String... entries) throws IOException {
        Path j = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(j))) {
            for (String e : entries) {
                JarEntry je = new JarEntry(e);
                je.setTime(1_700_000_000_000L);
                out.putNextEntry(je);
                out.write(("bytes of " + e).getBytes());
                out.closeEntry();
            }
        }
        return j;
    }

    @Test
    void unpacksJavaCppLayoutWithCrossJarLinksAndVerifiesIt() throws Exception {
        Path torch = jar("pytorch-1-" + P + ".jar", "org/bytedeco/pytorch/" + P + "/libtorch.so", "org/bytedeco/pytorch/" + P + "/libgomp.so.1");
        Path blas = jar("openblas-1-" + P + ".jar", "org/bytedeco/openblas/" + P + "/libopenblas.so.0");
        Path cache = dir.resolve("cache");
        int[] loads = {0};
        boolean filled = NativeCaches.prepareJavaCpp(cache, List.of(torch, blas), P, () -> { }, () -> loads[0]++, () -> { });
        assertTrue(filled);
        assertEquals(1, loads[0]);
        Path torchDir = cache.resolve(torch.getFileName().toString()).resolve("org/bytedeco/pytorch/" + P);
        Path blasDir = cache.resolve(blas.getFileName().toString()).resolve("org/bytedeco/openblas/" + P);
        // JavaCPP reuses a file only with the jar entry's size and time.
        assertEquals(1_700_000_000_000L, Files.getLastModifiedTime(torchDir.resolve("libtorch.so")).toMillis());
        assertEquals("bytes of org/bytedeco/pytorch/" + P + "/libtorch.so", Files.readString(torchDir.resolve("libtorch.so")));
        // OpenBLAS must find LibTorch's OpenMP runtime beside it, not the system's.
        assertEquals(torchDir.resolve("libgomp.so.1"), Files.readSymbolicLink(blasDir.resolve("libgomp.so.1")));
        assertEquals(blasDir.resolve("libopenblas.so.0"), Files.readSymbolicLink(torchDir.resolve("libopenblas.so.0")));
        assertEquals(Path.of("libgomp.so.1"), Files.readSymbolicLink(torchDir.resolve("libgomp.so")));

        assertFalse(NativeCaches.prepareJavaCpp(cache, List.of(torch, blas), P, () -> { }, () -> loads[0]++, () -> { }), "a verified cache is reused");
        assertEquals(1, loads[0]);

        // A damaged file (a half-written copy) fails verification, and the cache is filled again.
        Files.writeString(torchDir.resolve("libtorch.so"), "half");
        assertFalse(NativeCaches.manifestValid(cache, NativeCaches.jarKey(List.of(torch, blas))));
        assertTrue(NativeCaches.prepareJavaCpp(cache, List.of(torch, blas), P, () -> { }, () -> loads[0]++, () -> { }));
        assertEquals("bytes of org/bytedeco/pytorch/" + P + "/libtorch.so", Files.readString(torchDir.resolve("libtorch.so")));
        try (var left = Files.list(cache)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".unpacking-")).toList(), "no temporary folder left");
        }
    }

    @Test
    void aFailedLoadLeavesNoManifest() throws Exception {
        Path torch = jar("pytorch-1-" + P + ".jar", "org/bytedeco/pytorch/" + P + "/libtorch.so");
        Path cache = dir.resolve("cache");
        IOException e = assertThrows(IOException.class, () -> NativeCaches.prepareJavaCpp(cache, List.of(torch), P, () -> { },
                () -> {
                    throw new UnsatisfiedLinkError("no libtorch");
                }, () -> { }));
        assertTrue(e.getMessage().contains("no libtorch"), e.getMessage());
        assertFalse(NativeCaches.manifestValid(cache, NativeCaches.jarKey(List.of(torch))));
    }

    /** As the launcher does for JavaFX from a jar: the jar's root, opened as a zip file system. */
    private static Path prepareFromJar(Path root, Path jar) throws IOException {
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
            return NativeCaches.prepareJavaFx(root, jar.getFileName().toString().replaceFirst("\\.jar$", ""), zip.getPath("/"));
        }
    }

    @Test
    void javaFxNativesAreRenamedIntoPlaceAndADamagedFolderIsReplaced() throws Exception {
        Path fx = jar("javafx-graphics-21-linux.jar", "libglass.so", "libprism_sw.so", "com/sun/Some.class");
        Path root = dir.resolve("fx");
        Path target = prepareFromJar(root, fx);
        assertEquals(root.resolve("javafx-graphics-21-linux"), target);
        assertEquals("bytes of libglass.so", Files.readString(target.resolve("libglass.so")));
        assertFalse(Files.exists(target.resolve("Some.class")));
        FileTime before = Files.getLastModifiedTime(target.resolve("libglass.so"));
        Thread.sleep(20);
        assertEquals(target, prepareFromJar(root, fx));
        assertEquals(before, Files.getLastModifiedTime(target.resolve("libglass.so")), "a complete folder is not rewritten");

        Files.writeString(target.resolve("libglass.so"), "x");
        prepareFromJar(root, fx);
        assertArrayEquals(("bytes of libglass.so").getBytes(), Files.readAllBytes(target.resolve("libglass.so")));
        try (var left = Files.list(root)) {
            assertEquals(List.of(target), left.toList(), "no temporary or stale folder left");
        }
    }
}
