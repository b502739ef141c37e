package io.tsstudio.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Thousands of corrupted copies of the fixtures (byte flips, truncation, damage aimed at zip structures and entry
 * data) go through identify and load: exceptions are expected, a JVM crash would end the test run.
 */
class LoaderFuzzTest {
    private static final int MUTANTS = 3000;
    private static final long BUDGET_MS = 55_000; // about 2,000 mutants on a busy 2-core machine, all 3,000 on a free one

    @TempDir
    Path tmp;

    @Test
    void corruptedFixturesNeverCrashTheJvm() throws Exception {
        List<byte[]> originals = new ArrayList<>();
        try (var files = Files.list(Fixtures.root().resolve("pytorch"))) {
            for (Path p : files.sorted().toList()) originals.add(Files.readAllBytes(p));
        }
        try (var files = Files.list(Fixtures.root().resolve("not-torchscript"))) {
            for (Path p : files.sorted().toList()) originals.add(Files.readAllBytes(p));
        }
        Random r = new Random(20261126);
        Path file = tmp.resolve("mutant.pt");
        long deadline = System.currentTimeMillis() + BUDGET_MS;
        int tried = 0, loaded = 0, rejected = 0;
        for (int i = 0; i < MUTANTS && System.currentTimeMillis() < deadline; i++) {
            byte[] original = originals.get(r.nextInt(originals.size()));
            Files.write(file, mutate(original, r));
            try {
                ModelFiles.identify(file);
            } catch (TorchException expected) {
                // identify may refuse, never crash
            }
            try (ScriptModule m = Jit.load(file)) {
                loaded++;
                m.methods();
                m.parameterInfos();
            } catch (TorchException e) {
                assertNotNull(e.getMessage());
                rejected++;
            }
            tried++;
        }
        assertTrue(tried >= 1000, "only " + tried + " mutants in the time budget");
        assertEquals(tried, loaded + rejected);
        assertTrue(rejected > 0);
    }

    static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(6)) {
            case 0: { // flip a few random bytes
                int n = 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                return b;
            }
            case 1: // truncate
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            case 2: { // damage near the end (the zip central directory and end record)
                int n = 1 + r.nextInt(4);
                for (int k = 0; k < n; k++) b[Math.max(0, b.length - 1 - r.nextInt(Math.min(b.length, 400)))] = (byte) r.nextInt(256);
                return b;
            }
            case 3: { // damage a local file header (entry names, sizes, offsets)
                List<Integer> headers = new ArrayList<>();
                for (int k = 0; k + 4 < b.length; k++) if (b[k] == 'P' && b[k + 1] == 'K' && b[k + 2] == 3 && b[k + 3] == 4) headers.add(k);
                if (headers.isEmpty()) return b;
                int at = headers.get(r.nextInt(headers.size())) + 4 + r.nextInt(40);
                if (at < b.length) b[at] = (byte) r.nextInt(256);
                return b;
            }
            case 4: { // overwrite a run inside entry data with random bytes (pickles, code, tensors)
                int at = r.nextInt(b.length);
                int n = Math.min(b.length - at, 1 + r.nextInt(32));
                for (int k = 0; k < n; k++) b[at + k] = (byte) r.nextInt(256);
                return b;
            }
            default: { // remove a span
                int at = r.nextInt(b.length);
                int n = Math.min(b.length - at, 1 + r.nextInt(64));
                byte[] out = new byte[b.length - n];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + n, out, at, b.length - at - n);
                return out;
            }
        }
    }
}
