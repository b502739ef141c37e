package io.tsstudio.engine;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrGraphs;
import io.tsstudio.engine.ops.ArchiveOperators;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.ModelSession;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Corrupts copies of the fixtures and takes each one as far as the studio would: identify, load, then for a mutant
 * that loads, read every method's graph (as the graph view does), its code, save it, reload the saved copy and run
 * {@code forward} on the proposed input (as the run panel does). Errors are expected; they must be exceptions the
 * studio shows (a {@link TorchException} or {@link IllegalArgumentException} with a message), never another kind,
 * an {@link Error} or a dead JVM. Shared by {@code LoaderFuzzTest} and the nightly {@code bench.LoaderFuzzBench}.
 *
 * <p>A third of the mutants damage raw bytes (zip structures included), so most stop at identify or in the zip
 * reader. The other two thirds rewrite one entry of a TorchScript fixture (code, pickles, tensor data, version)
 * inside a well-formed zip with right CRCs: most of those get past every check in Java and reach LibTorch's loader.
 * Tensor data may be shortened: LibTorch would size the storage by data.pkl and read past the entry at the first
 * forward (SIGSEGV), so {@code ArchiveIntegrity} refuses such archives in Java (see DamagedArchiveTest).
 */
public final class LoaderFuzz {
    /** One fixture: its raw bytes, and its entries when it is a zip. */
    private record Original(String name, byte[] bytes, List<Entry> entries) {
    }

    record Entry(String name, byte[] data) {
    }

    /** What happened, stage by stage; {@code failures} are the errors the studio could not have shown. */
    public static final class Counts {
        public int mutants, identified, reachedLibTorch, loaded, graphsRead, codeRead, saved, reloaded, forwardProposed, forwardRan;
        public int expectedErrors;
        public final List<String> failures = new ArrayList<>();

        @Override
        public String toString() {
            return "mutants " + mutants + ", identified as TorchScript " + identified + ", handed to LibTorch " + reachedLibTorch
                    + ", loaded " + loaded + ", graphs read " + graphsRead + ", code read " + codeRead + ", saved " + saved
                    + ", reloaded " + reloaded + ", forward proposed " + forwardProposed + ", forward ran " + forwardRan
                    + ", expected errors " + expectedErrors + ", unexpected " + failures.size();
        }
    }

    private static final boolean TRACE = Boolean.getBoolean("tsstudio.fuzz.trace");
    private final List<Original> originals = new ArrayList<>();
    /** The TorchScript fixtures, whose entries are rewritten one at a time. */
    private final List<Original> archives = new ArrayList<>();
    private final Random random;
    private final Path dir;

    public LoaderFuzz(long seed, Path dir) throws IOException {
        this.random = new Random(seed);
        this.dir = dir;
        for (String folder : List.of("pytorch", "not-torchscript")) {
            try (var files = Files.list(SharedFixtures.root().resolve(folder))) {
                for (Path p : files.sorted().toList()) originals.add(new Original(p.getFileName().toString(), Files.readAllBytes(p), entries(p)));
            }
        }
        for (Original o : originals) if (o.entries.stream().anyMatch(e -> e.name.contains("/code/"))) archives.add(o);
    }

    private static List<Entry> entries(Path p) {
        List<Entry> out = new ArrayList<>();
        try (ZipFile zip = new ZipFile(p.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (e.isDirectory()) continue;
                try (InputStream in = zip.getInputStream(e)) {
                    out.add(new Entry(e.getName(), in.readAllBytes()));
                }
            }
        } catch (IOException notAZip) {
            return List.of();
        }
        return out;
    }

    /** Runs {@code count} mutants, each through every stage it gets to; {@code progress} sees the counts after each. */
    public Counts run(int count, java.util.function.Consumer<Counts> progress) throws IOException {
        return run(0, count, progress);
    }

    /**
     * Mutants {@code from} to {@code count - 1} of the seed's sequence; the ones before are made but not exercised,
     * to reproduce one quickly. With the system property {@code tsstudio.fuzz.trace} each stage is printed first.
     */
    public Counts run(int from, int count, java.util.function.Consumer<Counts> progress) throws IOException {
        Counts c = new Counts();
        Path file = dir.resolve("mutant.pt");
        Path saved = dir.resolve("saved.pt");
        for (int i = 0; i < count; i++) {
            boolean inEntry = random.nextInt(3) != 0;
            List<Original> pool = inEntry ? archives : originals;
            Original o = pool.get(random.nextInt(pool.size()));
            String kind = inEntry ? mutateEntry(o, file) : mutateRaw(o, file);
            if (i < from) continue;
            c.mutants++;
            exercise(file, saved, o.name + " #" + i + " (" + kind + ")", c);
            progress.accept(c);
        }
        return c;
    }

    private String mutateEntry(Original o, Path file) throws IOException {
        int which = pickEntry(o.entries);
        Entry e = o.entries.get(which);
        byte[] data = e.name.endsWith(".py") && random.nextBoolean() ? mutateCode(e.data, random) : mutate(e.data, random);
        List<Entry> out = new ArrayList<>(o.entries);
        out.set(which, new Entry(e.name, data));
        Files.write(file, zip(out));
        return "entry " + e.name;
    }

    private String mutateRaw(Original o, Path file) throws IOException {
        Files.write(file, mutate(o.bytes, random));
        return "raw bytes";
    }

    /** Code and pickles are where LibTorch parses most, so they are picked twice as often as tensor data. */
    private int pickEntry(List<Entry> entries) {
        while (true) {
            int i = random.nextInt(entries.size());
            String n = entries.get(i).name;
            boolean parsed = n.endsWith(".py") || n.endsWith(".pkl") || n.endsWith("version");
            if (parsed || random.nextBoolean()) return i;
        }
    }

    private void exercise(Path file, Path saved, String what, Counts c) {
        boolean torchScript = stage(c, what, "identify", () -> ModelFiles.identify(file).kind() == ModelFileInfo.Kind.TORCHSCRIPT, false);
        if (!torchScript) {
            load(file, what, c); // still tried: load must refuse what identify refused, with a message
            return;
        }
        c.identified++;
        if (stage(c, what, "prepare", () -> passesJavaChecks(file), false)) c.reachedLibTorch++;
        try (ModelSession session = load(file, what, c)) {
            if (session == null) return;
            c.loaded++;
            ScriptModule m = session.module();
            if (stage(c, what, "graph", () -> readGraphs(m), false)) c.graphsRead++;
            if (stage(c, what, "code", () -> { m.code(); m.classCode(ArchiveLimits.defaults()); return true; }, false)) c.codeRead++;
            if (stage(c, what, "save", () -> { Jit.save(m, saved); return true; }, false)) {
                c.saved++;
                if (stage(c, what, "reload", () -> { try (ScriptModule again = Jit.load(saved)) { return again.methods().size() == m.methods().size(); } }, false)) c.reloaded++;
            }
            if (!m.hasMethod("forward")) return;
            List<ProposedInput> proposal = stage(c, what, "propose", () -> session.propose("forward"), null);
            if (proposal == null) return;
            c.forwardProposed++;
            List<String> args = proposal.stream().map(ProposedInput::json).toList();
            if (stage(c, what, "forward", () -> session.run(new RunRequest("forward", args, RunPlan.single()), RunListener.NONE, CancelToken.none()) != null, false)) c.forwardRan++;
        }
    }

    private ModelSession load(Path file, String what, Counts c) {
        ModelSession session = new ModelSession();
        boolean ok = stage(c, what, "load", () -> { session.load(file, Device.CPU); return true; }, false);
        if (ok) return session;
        session.close();
        return null;
    }

    /** The checks {@link Jit#load} makes in Java before it calls LibTorch's loader. */
    private static boolean passesJavaChecks(Path file) {
        ModelFiles.requireTorchScript(file);
        try (ArchiveOperators.Prepared p = ArchiveOperators.prepare(file)) {
            return p.missing().isEmpty();
        } catch (IOException e) {
            return false; // Jit.load turns this into a TorchException before LibTorch sees the file
        }
    }

    /** What the graph view reads: each method's graph, its nodes in nested blocks, the folded view, the module tree. */
    private static boolean readGraphs(ScriptModule m) {
        for (MethodInfo method : m.methods()) {
            IrGraph g = m.graph(method.name());
            IrGraphs.allNodes(g);
            IrGraphs.constantsFolded(g);
        }
        m.describeModules(d -> { });
        return true;
    }

    interface Step<T> {
        T run() throws Exception;
    }

    /** Runs one stage; an error the studio would show counts as expected, anything else is kept as a failure. */
    private static <T> T stage(Counts c, String what, String stage, Step<T> step, T onError) {
        if (TRACE) System.err.println(what + " " + stage);
        try {
            return step.run();
        } catch (TorchException | IllegalArgumentException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) c.failures.add(what + " " + stage + ": " + e.getClass().getName() + " without a message");
            else c.expectedErrors++;
        } catch (Throwable t) {
            c.failures.add(what + " " + stage + ": " + t);
        }
        return onError;
    }

    static byte[] zip(List<Entry> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Entry e : entries) {
                ZipEntry z = new ZipEntry(e.name);
                z.setMethod(ZipEntry.STORED);
                z.setSize(e.data.length);
                z.setCompressedSize(e.data.length);
                CRC32 crc = new CRC32();
                crc.update(e.data);
                z.setCrc(crc.getValue());
                out.putNextEntry(z);
                out.write(e.data);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Edits TorchScript source the way a typo or a bad merge would: numbers, names, operators, whole lines. */
    static byte[] mutateCode(byte[] source, Random r) {
        String s = new String(source, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (lines.isEmpty()) return source;
        int at = r.nextInt(lines.size());
        String line = lines.get(at);
        switch (r.nextInt(6)) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, line);
            case 2 -> lines.set(at, line.replaceFirst("\\d+", List.of("0", "-1", "2147483648", "99999999999", "1.5", "").get(r.nextInt(6))));
            case 3 -> lines.set(at, line.replaceFirst("[A-Za-z_]\\w*", List.of("self", "x", "None", "torch", "ops", "__torch__", "Tensor").get(r.nextInt(7))));
            case 4 -> lines.set(at, line.replaceFirst("[+\\-*/=:,(\\[]", List.of(")", "]", "", "::", "==", ".").get(r.nextInt(6))));
            default -> lines.set(at, line.isEmpty() ? "  " : line.substring(0, r.nextInt(line.length())));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] mutate(byte[] in, Random r) {
        if (in.length == 0) return new byte[]{(byte) r.nextInt(256)};
        byte[] b = in.clone();
        switch (r.nextInt(6)) {
            case 0: { // flip a few random bytes
                int n = 1 + r.nextInt(8);
                for (int k = 0; k < n; k++) b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
                return b;
            }
            case 1: // truncate
                return Arrays.copyOf(b, r.nextInt(b.length));
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
