package io.tsstudio.app.studio.bench;

import io.tsstudio.app.studio.StudioViewModel;
import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.session.AutosaveEntry;
import io.tsstudio.ui.session.AutosaveStore;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.preferences.StudioDirs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * How long the FX thread is held by one autosave of an edited graph-editor document: the studio's autosave (a copy
 * on the caller, JSON and the write on the autosave thread) against the baseline of doing all of it on the caller
 * (what writing on the FX thread costs). Prints medians and their ratio; asserts nothing.
 * Usage: GraphAutosaveBench [blocks=2000] [rounds=30]
 */
public final class GraphAutosaveBench {
    private GraphAutosaveBench() {
    }

    public static void main(String[] args) throws Exception {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path home = Files.createTempDirectory("tsstudio-autosave-bench");
        StudioViewModel vm = new StudioViewModel(new EngineModelBackend(OperatorCatalog.EMPTY), StudioDirs.under(home), Runnable::run,
                new LogConsole(Runnable::run));
        GraphEditorViewModel g = vm.newGraphModel();
        GraphDocument doc = g.document();
        Block prev = Blocks.input(doc, "x", "Tensor", 0, 0);
        g.run(Commands.addBlock(prev));
        String port = "value";
        for (int i = 0; i < blocks - 2; i++) {
            Block b = Blocks.module(doc, i % 2 == 0 ? "Linear" : "ReLU", (i % 12) * 220.0, (i / 12) * 110.0);
            g.run(Commands.addBlock(b));
            g.connect(prev.id(), port, b.id(), "input");
            prev = b;
            port = "output";
        }
        Block out = Blocks.output(doc, "out", 0, (blocks / 12 + 1) * 110.0);
        g.run(Commands.addBlock(out));
        g.connect(prev.id(), port, out.id(), "value");

        AutosaveStore baselineStore = new AutosaveStore(home.resolve("baseline"));
        long[] caller = new long[rounds], total = new long[rounds], baseline = new long[rounds];
        for (int r = -5; r < rounds; r++) {
            Block first = doc.blocks().iterator().next();
            g.run(Commands.move(Map.of(first.id(), new double[] {first.x() + 1, first.y()})));
            long t0 = System.nanoTime();
            var written = vm.autosaveNow();
            long t1 = System.nanoTime();
            written.get();
            long t2 = System.nanoTime();
            baselineStore.save(new AutosaveEntry(g.id(), g.displayName(), StudioViewModel.GRAPH_MODEL, null, null, Instant.now(), DocumentJson.write(doc)));
            long t3 = System.nanoTime();
            if (r >= 0) {
                caller[r] = t1 - t0;
                total[r] = t2 - t0;
                baseline[r] = t3 - t2;
            }
        }
        double c = median(caller), t = median(total), b = median(baseline);
        System.out.printf("graph document: %d blocks, %d connections, JSON %,d chars%n", doc.size(), doc.connections().size(),
                DocumentJson.write(doc).length());
        System.out.printf("FX thread held per autosave: %.2f ms (studio: copy only) vs %.2f ms (baseline: JSON + write on the caller), ratio %.2f%n",
                c, b, c / b);
        System.out.printf("until on disk (studio, autosave thread): %.2f ms%n", t);
        System.out.printf("fastest round: FX thread %.2f ms (studio) vs %.2f ms (baseline)%n", min(caller), min(baseline));
        vm.shutdown();
    }

    private static double min(long[] v) {
        return Arrays.stream(v).min().orElse(0) / 1e6;
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
