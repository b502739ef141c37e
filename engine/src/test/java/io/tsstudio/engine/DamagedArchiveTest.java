package io.tsstudio.engine;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.internal.files.ArchiveIntegrity;
import io.tsstudio.engine.ir.IrNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Archives damaged where LibTorch trusts the file and crashes the process later (issue 13 item 7, found by
 * {@code LoaderFuzzBench}): without the Java checks each case here ends the JVM with SIGSEGV.
 */
class DamagedArchiveTest {
    @TempDir
    Path tmp;

    /** A data/N shorter than data.pkl declares loaded, and the first forward read past its end (mutant 1064). */
    @Test
    void aTruncatedTensorEntryIsRefusedBeforeLibTorchLoadsIt() throws Exception {
        Path damaged = rewrite(SharedFixtures.pytorch("linrelu.script.dat"), "data/0", b -> Arrays.copyOf(b, b.length / 2));
        TorchException e = assertThrows(TorchException.class, () -> Jit.load(damaged));
        assertTrue(e.getMessage().startsWith("cannot load damaged.pt: the archive is damaged: tensor data foo/data/0 holds 120 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("but foo/data.pkl declares 60 elements") && e.getMessage().contains(" elements of FloatStorage"), e.getMessage());
    }

    /**
     * A source-range pickle whose string-table index points past the table: LibTorch loads it and reads out of bounds
     * when the graph is first printed (mutant 6269). The damaged debug info is left out; the graph reads, its nodes
     * located in the archive's code instead of the original source.
     */
    @Test
    void aDebugPickleWithAnIndexPastItsStringTableIsDroppedAndTheGraphStillReads() throws Exception {
        Path original = SharedFixtures.pytorch("r-traced-linear.pt");
        String debug = "code/__torch__.py.debug_pkl";
        Path damaged = rewrite(original, debug, DamagedArchiveTest::pointPastTheStringTable);
        try (ScriptModule m = Jit.load(damaged); ScriptModule intact = Jit.load(original)) {
            IrGraph g = m.graph("forward");
            IrGraph expected = intact.graph("forward");
            assertEquals(expected.nodes().size(), g.nodes().size());
            assertEquals(expected.nodes().stream().map(IrNode::sourceRange).toList(), g.nodes().stream().map(IrNode::sourceRange).toList(),
                    "ranges in the archive's code file stay");
            // the debug pickle maps code back to the source the module was scripted from; without it, to the code file
            assertTrue(intact.graphText("forward").contains("# <string>:4:17"), intact.graphText("forward"));
            assertTrue(m.graphText("forward").contains("# code/__torch__.py:37:12"), m.graphText("forward"));
        }
    }

    /**
     * The checks refuse nothing intact: every archive PyTorch wrote for the fixtures (LibTorch's own ranges end one past
     * an empty source, which a first version of the check took for damage) keeps all its debug info.
     */
    @Test
    void intactArchivesPassTheChecksWithAllTheirDebugInfo() throws Exception {
        List<Path> archives = new ArrayList<>();
        for (String folder : List.of("pytorch", "pytorch-1.13", "torchvision-ops")) {
            Path dir = SharedFixtures.resolve(folder);
            if (!Files.isDirectory(dir)) continue;
            try (var files = Files.list(dir)) {
                files.filter(f -> f.toString().matches(".*\\.(pt|dat)$")).sorted().forEach(archives::add);
            }
        }
        assertTrue(archives.size() >= 8, "fixtures: " + archives);
        int withDebugInfo = 0;
        for (Path a : archives) {
            try (ZipFile zip = new ZipFile(a.toFile())) {
                if (zip.stream().anyMatch(e -> e.getName().endsWith(".debug_pkl"))) withDebugInfo++;
            }
            assertEquals(List.of(), ArchiveIntegrity.check(a).unreadableDebugInfo(), a.toString());
        }
        assertTrue(withDebugInfo >= 5, "only " + withDebugInfo + " fixtures carry debug info");
    }

    /** The first text index of a source record (BINGET build_intlist, MARK, EMPTY_LIST, MARK, BININT1 i) set to 232. */
    private static byte[] pointPastTheStringTable(byte[] b) {
        for (int i = 0; i + 6 < b.length; i++) {
            if (b[i] == 'h' && b[i + 2] == '(' && b[i + 3] == ']' && b[i + 4] == '(' && b[i + 5] == 'K') {
                byte[] out = b.clone();
                out[i + 6] = (byte) 232;
                return out;
            }
        }
        throw new AssertionError("no text index list in the debug pickle");
    }

    private Path rewrite(Path archive, String entry, UnaryOperator<byte[]> change) throws IOException {
        List<LoaderFuzz.Entry> entries = new ArrayList<>();
        boolean found = false;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readAllBytes();
                }
                if (e.getName().endsWith("/" + entry)) {
                    data = change.apply(data);
                    found = true;
                }
                entries.add(new LoaderFuzz.Entry(e.getName(), data));
            }
        }
        assertTrue(found, entry + " not in " + archive);
        Path out = tmp.resolve("damaged.pt");
        Files.write(out, LoaderFuzz.zip(entries));
        return out;
    }
}
