package io.tsstudio.app.studio.bench;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.ui.graph.layout.GraphLayoutEngine;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphViewModel;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.session.OpenListener;
import io.tsstudio.ui.session.OpenedFile;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 11's big-model open, against LibTorch's own load of the same file, in one run. The model is
 * {@link BigTransformerModel} (1,300 blocks, 14,302 modules; generated once under {@code app/target/bench/}). Every
 * figure comes from fresh JVMs, alternating, so each sees the same machine load and the same cold start:
 * <ul>
 * <li>LibTorch load: {@code torch::jit::load} of the file in a fresh process (LibTorch already loaded);</li>
 * <li>headless studio path: the studio's own open ({@code EngineModelBackend.open}), graph read and laid out when the
 * module is handed over (the first frame, less painting), and the open complete (inspector tree and code);</li>
 * <li>CLI: {@code tsstudio graph FILE --format json}, whole process, as {@code ./tsstudio} runs it (packaged jars,
 * its class-data-sharing archive when one has been recorded);</li>
 * <li>window: the real studio started with the file (needs {@code DISPLAY}, e.g. Xvfb), from process start to its
 * {@code graph first frame} log line; its data directory (native caches) is kept between starts, after one untimed
 * start.</li>
 * </ul>
 * Targets (issue 11): window first frame at most 2x load + 3 s; CLI at most 1.5x load + 1 s.
 * Run: {@code mvn -o -q -B -pl app -am package -DskipTests} (the CLI and window runs use the packaged app), then
 * {@code .ci/bench app io.tsstudio.app.studio.bench.BigModelOpenBenchmark [runs] [blocks]}. Prints figures, asserts
 * nothing.
 */
public final class BigModelOpenBenchmark {
    private static final Pattern FIRST_FRAME = Pattern.compile("graph first frame (\\S+) nodes=(\\d+) ms=(\\d+)");

    private BigModelOpenBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : BigTransformerModel.ISSUE_BLOCKS;
        Path model = BigTransformerModel.file(BigTransformerModel.defaultDir(), blocks);
        out("model: %s, %,d bytes, %d blocks (%,d modules)", model, Files.size(model), blocks, blocks * 11 + 2);
        boolean window = System.getenv("DISPLAY") != null;
        List<Long> load = new ArrayList<>();
        List<Long> firstFrame = new ArrayList<>();
        List<Long> opened = new ArrayList<>();
        List<Long> cli = new ArrayList<>();
        List<Long> cliPlain = new ArrayList<>();
        List<Long> windowFrame = new ArrayList<>();
        List<Long> windowSinceOpen = new ArrayList<>();
        String nodes = "?";
        // A fresh data directory would unpack LibTorch into a new native cache on every start (a minute and more
        // here): the window runs share one, filled by an untimed first start, as a user's second start would.
        Path studioHome = BigTransformerModel.defaultDir().resolve("studio-home");
        if (window) {
            out("untimed first studio start (fills the native caches under %s)", studioHome);
            window(model, studioHome);
        }
        for (int r = 0; r < runs; r++) {
            load.add(Long.parseLong(child(LoadOnce.class, model).get("loadMs")));
            var headless = child(HeadlessOpen.class, model);
            firstFrame.add(Long.parseLong(headless.get("firstFrameMs")));
            opened.add(Long.parseLong(headless.get("openedMs")));
            cli.add(cli(model, true));
            cliPlain.add(cli(model, false));
            if (window) {
                long[] w = window(model, studioHome);
                if (w != null) {
                    windowFrame.add(w[0]);
                    windowSinceOpen.add(w[1]);
                    nodes = String.valueOf(w[2]);
                }
            }
            out("run %d: load %d ms, headless first frame %d / opened %d ms, CLI %d ms%s", r + 1, load.get(r), firstFrame.get(r),
                    opened.get(r), cli.get(r), windowFrame.size() > r ? ", window first frame " + windowFrame.get(r) + " ms" : "");
        }
        List<Long> windowRatio = new ArrayList<>();
        List<Long> cliRatio = new ArrayList<>();
        for (int r = 0; r < runs; r++) { // per run, against that run's load: the machine's load varies between runs
            long studioTargetR = 2 * load.get(r) + 3000;
            long cliTargetR = Math.round(1.5 * load.get(r)) + 1000;
            if (windowFrame.size() > r) windowRatio.add(Math.round(1000.0 * windowFrame.get(r) / studioTargetR));
            cliRatio.add(Math.round(1000.0 * cli.get(r) / cliTargetR));
        }
        long l = median(load);
        long studioTarget = 2 * l + 3000;
        long cliTarget = Math.round(1.5 * l) + 1000;
        out("");
        out("LibTorch's own load (torch::jit::load, fresh process)   %6d ms  (median of %d)", l, runs);
        out("headless studio path: graph laid out after open       %6d ms  = %.2fx load", median(firstFrame), median(firstFrame) / (double) l);
        out("headless studio path: open complete (tree + code)     %6d ms  = %.2fx load", median(opened), median(opened) / (double) l);
        if (!windowFrame.isEmpty()) {
            out("studio window: launch to graph first frame (nodes=%s) %6d ms  target 2x load + 3 s = %d ms  -> %.2f of target",
                    nodes, median(windowFrame), studioTarget, median(windowFrame) / (double) studioTarget);
            out("studio window: open to graph first frame (log ms=)    %6d ms", median(windowSinceOpen));
        } else {
            out("studio window: not measured (no DISPLAY; run under Xvfb for it)");
        }
        out("CLI graph --format json, whole process                %6d ms  target 1.5x load + 1 s = %d ms  -> %.2f of target",
                median(cli), cliTarget, median(cli) / (double) cliTarget);
        out("CLI without its class-data-sharing archive            %6d ms", median(cliPlain));
        out("per run, each against its own run's load (1.00 = on target): window %s, CLI %s", ratios(windowRatio), ratios(cliRatio));
    }

    // ------------------------------------------------------------------------------------------ child processes

    /** Times {@code torch::jit::load} of the file once LibTorch itself is loaded: LibTorch's own load. */
    public static final class LoadOnce {
        public static void main(String[] args) {
            Torch.version();
            long t0 = System.nanoTime();
            try (ScriptModule m = Jit.load(Path.of(args[0]))) {
                System.out.println("loadMs=" + (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }

    /**
     * The studio's open without a window: the backend's staged open, and (as the studio's graph view does when the
     * module is handed over) the graph read, its view model and its first layout.
     */
    public static final class HeadlessOpen {
        public static void main(String[] args) throws Exception {
            Torch.version();
            Path file = Path.of(args[0]);
            long t0 = System.nanoTime();
            CompletableFuture<Long> frame = new CompletableFuture<>();
            OpenListener listener = new OpenListener() {
                @Override
                public void loaded(ScriptModule module) {
                    Thread t = new Thread(null, () -> {
                        try {
                            IrGraph g = ModuleGraphs.graph(module, "forward");
                            GraphViewModel vm = new GraphViewModel(g, ModuleGraphs.loader(module));
                            GraphScene scene = new GraphLayoutEngine().layout(vm.root(), vm::isExpanded);
                            if (scene.nodeCount() < 0) throw new IllegalStateException();
                            frame.complete((System.nanoTime() - t0) / 1_000_000);
                        } catch (RuntimeException e) {
                            frame.completeExceptionally(e);
                        }
                    }, "graph", 16 << 20);
                    t.start();
                }
            };
            OpenedFile opened = new EngineModelBackend(null).open(file, listener);
            long openedMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("openedMs=" + openedMs);
            System.out.println("firstFrameMs=" + frame.get(10, TimeUnit.MINUTES));
            if (opened instanceof OpenedFile.Model m) m.model().module().close();
        }
    }

    private static java.util.Map<String, String> child(Class<?> main, Path model) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xss16m", "-cp", System.getProperty("java.class.path"), main.getName(),
                model.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        java.util.Map<String, String> out = new java.util.HashMap<>();
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).matches("[A-Za-z]+")) out.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        if (p.waitFor() != 0) throw new IllegalStateException(main.getSimpleName() + " failed:\n" + all);
        return out;
    }

    /** The CLI as {@code ./tsstudio} runs it: packaged jars and, once recorded, the CLI's class-data-sharing archive. */
    private static long cli(Path model, boolean cds) throws Exception {
        List<String> cmd = packagedJava(cds ? "tsstudio-cli-cds.jsa" : "none");
        cmd.addAll(List.of("io.tsstudio.app.Launcher", "graph", model.toString(), "--format", "json"));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) throw new IllegalStateException("tsstudio graph failed: exit " + p.exitValue());
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Launch to the {@code graph first frame} line: {launch ms, ms since open (from the line), nodes}; null if none. */
    private static long[] window(Path model, Path home) throws Exception {
        Files.createDirectories(home);
        List<String> cmd = packagedJava("tsstudio-cds.jsa");
        cmd.add(1, "-Dtsstudio.home=" + home);
        cmd.addAll(List.of("io.tsstudio.app.Launcher", model.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        CompletableFuture<long[]> line = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    Matcher m = FIRST_FRAME.matcher(l);
                    if (m.find() && !line.isDone()) {
                        line.complete(new long[] {(System.nanoTime() - t0) / 1_000_000, Long.parseLong(m.group(3)), Long.parseLong(m.group(2))});
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
            line.complete(null);
        }, "studio-output");
        reader.setDaemon(true);
        reader.start();
        long[] found;
        try {
            found = line.get(3, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            found = null;
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        if (found == null) out("  (the studio wrote no 'graph first frame' line within 3 minutes)");
        return found;
    }

    /** {@code jsa}: the class-data-sharing archive {@code ./tsstudio} records for this mode, used when it exists. */
    private static List<String> packagedJava(String jsaName) {
        Path jar = Path.of("app/target/tsstudio-app.jar").toAbsolutePath();
        Path lib = Path.of("app/target/lib").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("target/tsstudio-app.jar").toAbsolutePath();
            lib = Path.of("target/lib").toAbsolutePath();
        }
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("package the app first: mvn -o -q -B -pl app -am package -DskipTests");
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xss16m", "-Xlog:cds*=off"));
        Path jsa = jar.getParent().resolve(jsaName);
        if (Files.isRegularFile(jsa)) cmd.add("-XX:SharedArchiveFile=" + jsa);
        cmd.addAll(List.of("-cp", jar + File.pathSeparator + lib + "/*"));
        return cmd;
    }

    private static String ratios(List<Long> permille) {
        return permille.isEmpty() ? "-" : permille.stream().map(p -> String.format(Locale.ROOT, "%.2f", p / 1000.0)).toList().toString();
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static long median(List<Long> xs) {
        long[] a = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        return a.length == 0 ? -1 : a[a.length / 2];
    }

    private static void out(String fmt, Object... args) {
        System.out.println(String.format(Locale.ROOT, fmt, args));
    }
}
