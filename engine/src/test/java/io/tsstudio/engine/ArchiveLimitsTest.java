package io.tsstudio.engine;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.internal.torch.Archives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounded reads of untrusted archives (issue 13 item 3): a zip bomb in extra/ or code/ is skipped and reported. */
class ArchiveLimitsTest {
    private static final long BOMB = 512L << 20; // 512 MiB of zeros, about 0.5 MB deflated

    @TempDir
    Path tmp;

    /** linrelu.script.dat with extra entries added under its own prefix. */
    private Path withEntries(Map<String, Long> zeros, Map<String, String> texts) throws IOException {
        Path src = SharedFixtures.pytorch("linrelu.script.dat");
        Path out = tmp.resolve("bomb.pt");
        String prefix;
        try (ZipFile in = new ZipFile(src.toFile()); ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(out))) {
            prefix = in.entries().nextElement().getName().split("/")[0] + "/";
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(e.getSize());
                copy.setCompressedSize(e.getSize());
                copy.setCrc(e.getCrc());
                zo.putNextEntry(copy);
                try (InputStream is = in.getInputStream(e)) {
                    is.transferTo(zo);
                }
                zo.closeEntry();
            }
            for (Map.Entry<String, String> t : texts.entrySet()) {
                zo.putNextEntry(new ZipEntry(prefix + t.getKey()));
                zo.write(t.getValue().getBytes(StandardCharsets.UTF_8));
                zo.closeEntry();
            }
            byte[] chunk = new byte[1 << 20];
            for (Map.Entry<String, Long> z : zeros.entrySet()) {
                zo.putNextEntry(new ZipEntry(prefix + z.getKey()));
                for (long n = 0; n < z.getValue(); n += chunk.length) zo.write(chunk, 0, (int) Math.min(chunk.length, z.getValue() - n));
                zo.closeEntry();
            }
        }
        return out;
    }

    @Test
    void aZipBombInExtraIsSkippedAndReported() throws Exception {
        Path bomb = withEntries(Map.of("extra/bomb.bin", BOMB), Map.of("extra/notes.json", "{\"ok\": true}"));
        assertTrue(Files.size(bomb) < 4 << 20, "the crafted archive is small on disk: " + Files.size(bomb));

        Runtime rt = Runtime.getRuntime();
        rt.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        ArchiveContent<Map<String, byte[]>> extra = Jit.extraFiles(bomb, ArchiveLimits.defaults());
        long grown = rt.totalMemory() - rt.freeMemory() - before;

        assertEquals(List.of("notes.json"), List.copyOf(extra.content().keySet()));
        assertArrayEquals("{\"ok\": true}".getBytes(StandardCharsets.UTF_8), extra.content().get("notes.json"));
        assertEquals(1, extra.skipped().size());
        ArchiveContent.Skipped s = extra.skipped().get(0);
        assertEquals("extra/bomb.bin", s.entry());
        assertEquals("larger than 32 MiB (tsstudio.archive.maxEntryBytes)", s.reason());
        assertTrue(grown < 200L << 20, "reading stopped at the cap, not at 512 MiB: grew " + (grown >> 20) + " MiB");

        // the module itself still loads and runs: LibTorch does not read extra files it is not asked for
        try (ScriptModule m = Jit.load(bomb); Tensor x = Fixtures.ones(10); Tensor y = (Tensor) m.forward(x)) {
            assertEquals(6, y.toFloatArray().length);
        }
    }

    @Test
    void limitsAreConfigurableAndTheTotalIsCapped() throws Exception {
        Path archive = withEntries(Map.of("extra/a.bin", 600_000L, "extra/b.bin", 600_000L), Map.of());
        ArchiveContent<Map<String, byte[]>> all = Jit.extraFiles(archive, new ArchiveLimits(1 << 20, 4 << 20, 100));
        assertEquals(2, all.content().size());
        assertTrue(all.skipped().isEmpty());

        ArchiveContent<Map<String, byte[]>> capped = Jit.extraFiles(archive, new ArchiveLimits(1 << 20, 1 << 20, 100));
        assertEquals(1, capped.content().size(), "the second entry would pass the total");
        assertEquals("the archive's entries pass 1 MiB in all (tsstudio.archive.maxTotalBytes)", capped.skipped().get(0).reason());

        ArchiveContent<Map<String, byte[]>> few = Jit.extraFiles(archive, new ArchiveLimits(1 << 20, 4 << 20, 1));
        assertEquals(1, few.content().size());
        assertEquals("more than 1 entries (tsstudio.archive.maxEntries)", few.skipped().get(0).reason());

        String old = System.setProperty(ArchiveLimits.MAX_ENTRY_PROPERTY, "500000");
        try {
            assertEquals(500_000, ArchiveLimits.defaults().maxEntryBytes());
            assertEquals(2, Jit.extraFiles(archive, ArchiveLimits.defaults()).skipped().size());
        } finally {
            if (old == null) System.clearProperty(ArchiveLimits.MAX_ENTRY_PROPERTY);
            else System.setProperty(ArchiveLimits.MAX_ENTRY_PROPERTY, old);
        }
    }

    @Test
    void aZipBombInCodeIsSkippedAndReported() throws Exception {
        Path bomb = withEntries(Map.of("code/__torch__/bomb.py", BOMB), Map.of());
        ArchiveContent<Map<String, String>> code = Archives.codeByClass(bomb, ArchiveLimits.defaults());
        assertTrue(code.content().keySet().stream().anyMatch(k -> k.startsWith("__torch__.")), code.content().keySet().toString());
        assertEquals(1, code.skipped().size());
        assertEquals("code/__torch__/bomb.py", code.skipped().get(0).entry());

        // and through a loaded module: a limit below its code's size leaves the classes out, saying which file
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("linrelu.script.dat"))) {
            ArchiveContent<Map<String, String>> tiny = m.classCode(new ArchiveLimits(16, 1 << 20, 100));
            assertTrue(tiny.content().isEmpty(), tiny.content().keySet().toString());
            assertTrue(!tiny.skipped().isEmpty() && tiny.skipped().stream().allMatch(k -> k.entry().startsWith("code/__torch__/")), tiny.skipped().toString());
            assertEquals(m.codeByClass().keySet(), m.classCode(ArchiveLimits.defaults()).content().keySet());
        }
    }
}
