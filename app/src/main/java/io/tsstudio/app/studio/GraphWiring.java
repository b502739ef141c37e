package io.tsstudio.app.studio;

import io.tsstudio.ui.inspect.ModelSummary;
import io.tsstudio.engine.CodeLocation;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrSourceRange;
import io.tsstudio.ui.graph.fx.GraphSelection;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.model.NodeKind;
import io.tsstudio.ui.graph.model.RunValues;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import io.tsstudio.ui.graph.fx.GraphPane;
import io.tsstudio.ui.run.RunPanelViewModel;
import io.tsstudio.ui.session.OpenModel;
import io.tsstudio.ui.session.Workspace;
import io.tsstudio.ui.concurrent.Lane;
import io.tsstudio.ui.concurrent.LatestReplies;
import io.tsstudio.ui.concurrent.TaskRunner;
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
     * Graphs are read as jobs on the task runner's layout lane, not the engine lane: there a big model's graph waited
     * behind LibTorch's warm-up and the open itself (both threads busy), and the first frame came long after the model
     * was loaded. The read is the first step of the layout that follows it on the same lane.
     */
    private final TaskRunner runner = TaskRunner.forJavaFx();
    /** The latest drawing wins: a newer model or method makes an older read's graph and code links stale. */
    private final LatestReplies draws = runner.latestReplies();
    private LatestReplies.Request lastDraw = draws.begin();
    private Map<String, CodeLocation> locations = Map.of();
    private GraphPane pane;
    private static final System.Logger LOG = System.getLogger(GraphWiring.class.getName());
    private OpenModel shown;
    private Opening early;
    private ScriptModule earlyModule;
    private Opening firstFrame;
    private final java.util.Set<Opening> followed = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());
    private String shownMethod = "forward";
    // The run panel's last outcome, with the model file and method it came from (recorded when it arrived).
    private java.nio.file.Path lastRunFile;
    private String lastRunMethod;
    private String lastRunJson;

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

    /** "Values after a run" in the graph's context menu reads the run panel's last outcome. */
    void followRuns(RunPanelViewModel runPanel) {
        runPanel.outcomeProperty().addListener((o, was, now) -> {
            lastRunJson = now == null ? null : now.outputJson();
            lastRunFile = runPanel.modelFileProperty().get();
            lastRunMethod = runPanel.methodProperty().get() == null ? null : runPanel.methodProperty().get().name();
        });
    }

    /**
     * The run panel keeps the last run's output (not every intermediate value): the graph's output node of the method
     * that ran, and the edges into it, have values; everything else has none yet.
     */
    private final class LastRunValues implements RunValues {
        private final OpenModel model;
        private final String method;

        LastRunValues(OpenModel model, String method) {
            this.model = model;
            this.method = method;
        }

        @Override
        public java.util.Optional<String> forNode(GraphNode node) {
            boolean graphOutput = node.kind() == NodeKind.OUTPUT && node.group().owner() == null;
            return graphOutput ? output() : java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> forEdge(GraphEdge edge) {
            return forNode(edge.to());
        }

        private java.util.Optional<String> output() {
            if (lastRunJson == null || !model.file().equals(lastRunFile) || !method.equals(lastRunMethod)) return java.util.Optional.empty();
            String json = lastRunJson;
            return java.util.Optional.ofNullable(json).map(j -> j.length() > 20_000 ? j.substring(0, 20_000) + "\n\u2026 (more in the Run panel's Outputs)" : j);
        }
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
        draw(module, null, "forward", lastDraw = draws.begin());
    }

    private void show(OpenModel model) {
        String method = model == null || !model.isTorchScript() ? null
                : model.module().hasMethod("forward") ? "forward"
                : model.module().methods().stream().map(MethodInfo::name).findFirst().orElse(null);
        show(model, method);
    }

    /** Draws {@code method} of {@code model} (the toolbar's method picker calls this for the shown model). */
    private void show(OpenModel model, String method) {
        if (model == shown && java.util.Objects.equals(method, shownMethod)) return;
        if (model != null && earlyModule != null && model.module() == earlyModule && "forward".equals(method)) {
            // Drawn while it opened: keep that drawing, fetch the code links (the code was just read, so cached).
            shown = model;
            shownMethod = method;
            early = null;
            earlyModule = null;
            LatestReplies.Request request = lastDraw;
            if (pane != null) decorate(model, method);
            io.execute(() -> {
                Map<String, CodeLocation> codeLocations = readLocations(model.module());
                request.apply(() -> locations = codeLocations);
            });
            return;
        }
        shown = model;
        shownMethod = method;
        LatestReplies.Request request = lastDraw = draws.begin();
        if (model != null && !model.isTorchScript() && model.summary().format() == ModelSummary.Format.TORCHSCRIPT) {
            // a model that needs a missing operator: say so where its graph would be
            dropPane();
            javafx.scene.control.Label why = new javafx.scene.control.Label(model.summary().description());
            why.setWrapText(true);
            why.setId("graphUnavailable");
            window.setGraphView(why);
            return;
        }
        if (model == null || method == null) {
            // Nothing to draw, and no view may keep a closed module: an empty pane replaces the old one.
            dropPane();
            window.setGraphView(new GraphPane());
            return;
        }
        draw(model.module(), model, method, request);
    }

    /** The shown pane goes away: its queued or running layout must not hold the shared layout lane. */
    private void dropPane() {
        if (pane != null) pane.close();
        pane = null;
    }

    /** The picker, the freeze/optimize compare and the run values of a drawn model's method. */
    private void decorate(OpenModel model, String method) {
        pane.setMethods(model.module().methods().stream().map(MethodInfo::name).toList(), method,
                m -> show(model, m));
        pane.setCompareSource(model.module(), method);
        pane.setRunValues(new LastRunValues(model, method));
        drawn.forEach(Runnable::run);
    }

    // ---- for ObserveWiring: what is drawn, and a call after each drawing of a model's method

    private final java.util.List<Runnable> drawn = new java.util.ArrayList<>();

    void onDrawn(Runnable r) {
        drawn.add(r);
    }

    GraphPane pane() {
        return pane;
    }

    OpenModel shownModel() {
        return shown;
    }

    String shownMethod() {
        return shownMethod;
    }

    Map<String, CodeLocation> codeLocations() {
        return locations;
    }

    private void draw(ScriptModule module, OpenModel model, String method, LatestReplies.Request request) {
        // The lane is one thread: the drawing being replaced must not keep it busy while the new graph waits.
        if (pane != null) pane.cancelLayout();
        runner.submit(Lane.LAYOUT, c -> {
            IrGraph graph;
            synchronized (module) { // a cancelled open closes the module under this monitor
                if (module.isClosed()) return null;
                graph = ModuleGraphs.graph(module, method);
            }
            // While a model is still opening its code is being read: the links come when it has opened.
            return new Read(graph, model == null ? Map.of() : readLocations(module));
        }).result().whenComplete((read, error) -> {
            // A graph that cannot be read (the module closed meanwhile) leaves the view as it is.
            if (read == null || !request.isCurrent()) return;
            IrGraph graph = read.graph();
            Map<String, CodeLocation> codeLocations = read.locations();
            locations = codeLocations;
            if (pane == null) {
                pane = new GraphPane();
                pane.addSelectionListener(this::nodeSelected);
                GraphPane shownPane = pane;
                shownPane.layingOutProperty().addListener((o, was, now) -> {
                    if (now) window.jobs().track("Lay out the graph", shownPane.layoutProgress(), shownPane.statusText(),
                            shownPane.layingOutProperty().not(), shownPane::cancelLayout);
                });
                window.setGraphView(pane);
            }
            pane.show(graph, ModuleGraphs.loader(module));
            OpenModel owner = model != null ? model : shown != null && shown.module() == module ? shown : null;
            if (owner != null) decorate(owner, method);
            Opening op = firstFrame;
            if (op != null && model == null) {
                firstFrame = null;
                pane.layoutDone().thenAccept(scene -> logWhenPainted(op, graph.nodes().size()));
            }
        });
    }

    /** A method's graph and the model's code locations, read off the FX thread. */
    private record Read(IrGraph graph, Map<String, CodeLocation> locations) {
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
