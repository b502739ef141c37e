package io.tsstudio.app.studio;

import io.tsstudio.engine.CodeLocation;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrSourceRange;
import io.tsstudio.ui.graph.fx.GraphSelection;
import io.tsstudio.ui.graph.ModuleGraphs;
import io.tsstudio.ui.graph.fx.GraphPane;
import io.tsstudio.ui.workspace.OpenModel;
import io.tsstudio.ui.workspace.Workspace;
import javafx.application.Platform;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Puts the graph view into the main window's Graph slot and keeps it on the active model's {@code forward}: the IR is
 * read off the FX thread, then laid out by the graph view. A recompiled model is shown again (its graph changed).
 * Graph and code are linked both ways through the classes' {@link CodeLocation}s: IR source ranges name lines of the
 * archive's code files, the editor shows one class per tab.
 */
final class GraphWiring {
    private final MainWindow window;
    private final StudioViewModel vm;
    private final Executor io;
    /**
     * Graphs are read on a thread of their own: on the shared I/O pool a big model's graph waited behind LibTorch's
     * warm-up and the open itself (both threads busy), and the first frame came long after the model was loaded.
     */
    private final Executor reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(null, r, "graph-read", 16 << 20);
        t.setDaemon(true);
        return t;
    });
    private Map<String, CodeLocation> locations = Map.of();
    private GraphPane pane;
    private static final System.Logger LOG = System.getLogger(GraphWiring.class.getName());
    private OpenModel shown;
    private Opening early;
    private ScriptModule earlyModule;
    private Opening firstFrame;
    private final java.util.Set<Opening> followed = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private long requests;

    private GraphWiring(MainWindow window, StudioViewModel vm, Executor io) {
        this.window = window;
        this.vm = vm;
        this.io = io;
    }

    /** Call on the FX thread once the main window exists. */
    static GraphWiring install(MainWindow window, StudioViewModel vm, Executor io) {
        Workspace workspace = vm.workspace();
        GraphWiring w = new GraphWiring(window, vm, io);
        workspace.activeModelProperty().addListener((o, was, now) -> w.show(now));
        workspace.caretProperty().addListener((o, was, now) -> w.caretMoved(now));
        vm.openingProperty().addListener((o, was, now) -> w.opening(now));
        w.show(workspace.activeModel());
        return w;
    }

    /** Graph to code: the selected node's source range opens its class's tab at that line. */
    private void nodeSelected(GraphSelection selection) {
        OpenModel model = shown;
        IrSourceRange r = selection.sourceRange().orElse(null);
        if (model == null || r == null) return;
        locations.entrySet().stream()
                .filter(e -> e.getValue().contains(r.file(), r.startLine()))
                .findFirst()
                .ifPresent(e -> vm.revealInClass(model, e.getKey(), e.getValue().classLine(r.startLine()), r.startColumn()));
    }

    /** Code to graph: the caret's line in a class tab outlines the nodes that line produced. */
    private void caretMoved(Workspace.Caret caret) {
        if (pane == null || caret == null) return;
        vm.activeOrigin()
                .filter(o -> o.model() == shown)
                .map(o -> locations.get(o.className()))
                .ifPresent(loc -> pane.highlightSourceLine(loc.file(), loc.fileLine(caret.line())));
    }

    /**
     * A model being opened is drawn as soon as LibTorch has loaded it, while its summary and code are still read; when
     * it opens, its {@link OpenModel} takes the drawing over. When the open fails or is cancelled, the graph goes back
     * to the active model, so no view keeps the closed module.
     */
    private void opening(Opening op) {
        if (op == null || !followed.add(op)) return;
        op.moduleProperty().addListener((o, was, module) -> {
            if (module != null) drawEarly(op, module);
        });
        op.finishedProperty().addListener((o, was, done) -> {
            if (done && early == op) {
                early = null;
                earlyModule = null;
                shown = null;
                show(vm.workspace().activeModel());
            }
        });
    }

    private void drawEarly(Opening op, ScriptModule module) {
        if (!module.hasMethod("forward")) return;
        early = op;
        earlyModule = module;
        shown = null;
        firstFrame = op;
        draw(module, null, ++requests);
    }

    private void show(OpenModel model) {
        if (model == shown) return;
        if (model != null && earlyModule != null && model.module() == earlyModule) {
            // Drawn while it opened: keep that drawing, fetch the code links (the code was just read, so cached).
            shown = model;
            early = null;
            earlyModule = null;
            long request = requests;
            io.execute(() -> {
                Map<String, CodeLocation> codeLocations = readLocations(model.module());
                Platform.runLater(() -> {
                    if (request == requests) locations = codeLocations;
                });
            });
            return;
        }
        shown = model;
        long request = ++requests;
        if (model == null || !model.isTorchScript() || !model.module().hasMethod("forward")) {
            // Nothing to draw, and no view may keep a closed module: an empty pane replaces the old one.
            pane = null;
            window.setGraphView(new GraphPane());
            return;
        }
        draw(model.module(), model, request);
    }

    private void draw(ScriptModule module, OpenModel model, long request) {
        reader.execute(() -> {
            IrGraph graph;
            Map<String, CodeLocation> codeLocations;
            try {
                synchronized (module) { // a cancelled open closes the module under this monitor
                    if (module.isClosed()) return;
                    graph = ModuleGraphs.graph(module, "forward");
                }
                // While a model is still opening its code is being read: the links come when it has opened.
                codeLocations = model == null ? Map.of() : readLocations(module);
            } catch (RuntimeException e) {
                return;
            }
            Platform.runLater(() -> {
                if (request != requests) return;
                locations = codeLocations;
                if (pane == null) {
                    pane = new GraphPane();
                    pane.addSelectionListener(this::nodeSelected);
                    window.setGraphView(pane);
                }
                pane.show(graph, ModuleGraphs.loader(module));
                Opening op = firstFrame;
                if (op != null && model == null) {
                    firstFrame = null;
                    pane.layoutDone().thenAccept(scene -> logWhenPainted(op, graph.nodes().size()));
                }
            });
        });
    }

    private static Map<String, CodeLocation> readLocations(ScriptModule module) {
        try {
            return module.codeLocations();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /**
     * One log line per opened model, when its graph's first frame has been laid out on screen (after the next layout
     * pulse): benchmarks and checks read it, so keep the words.
     */
    private void logWhenPainted(Opening op, int nodes) {
        Platform.runLater(() -> {
            javafx.scene.Scene scene = pane == null ? null : pane.getScene();
            if (op.cancelled()) return; // the open was cancelled: its graph is going away
            Runnable log = () -> LOG.log(System.Logger.Level.INFO, "graph first frame " + op.file().getFileName() + " nodes=" + nodes
                    + " ms=" + op.millisSinceStart());
            if (scene == null) {
                log.run();
                return;
            }
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                log.run();
            };
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
    }
}
