package io.tsstudio.ui.graph.fx;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.ui.graph.layout.LayoutThreads;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import javafx.application.Platform;
import java.util.concurrent.CompletableFuture;
import io.tsstudio.ui.graph.model.SubgraphLoader;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Two graphs side by side, e.g. a method before and after freeze / optimize_for_inference, with pan and zoom
 * kept in step (a toggle turns that off).
 */
public final class GraphCompareView extends BorderPane {
    private final GraphPane left = new GraphPane();
    private final GraphPane right = new GraphPane();
    private final Label leftTitle = new Label();
    private final Label rightTitle = new Label();
    private final CheckBox sync = new CheckBox("Sync pan/zoom");
    private boolean syncing;
    private ScriptModule transformed;

    public GraphCompareView() {
        setId("graphCompare");
        left.setId("graphCompareLeft");
        right.setId("graphCompareRight");
        sync.setSelected(true);
        VBox l = new VBox(4, leftTitle, left);
        VBox r = new VBox(4, rightTitle, right);
        VBox.setVgrow(left, Priority.ALWAYS);
        VBox.setVgrow(right, Priority.ALWAYS);
        leftTitle.setStyle("-fx-font-weight: bold; -fx-padding: 2 6 0 6;");
        rightTitle.setStyle("-fx-font-weight: bold; -fx-padding: 2 6 0 6;");
        setTop(new HBox(8, sync));
        setCenter(new SplitPane(l, r));
        follow(left.canvas(), right.canvas());
        follow(right.canvas(), left.canvas());
    }

    private void follow(GraphCanvas from, GraphCanvas to) {
        from.addCameraListener(() -> {
            if (sync.isSelected() && !syncing) {
                syncing = true;
                try {
                    to.setCamera(from.scale(), from.translateX(), from.translateY());
                } finally {
                    syncing = false;
                }
            }
        });
    }

    /** Shows {@code before} on the left and {@code after} on the right. */
    public void show(String beforeTitle, IrGraph before, SubgraphLoader beforeLoader,
                     String afterTitle, IrGraph after, SubgraphLoader afterLoader) {
        leftTitle.setText(beforeTitle + "  (" + before.nodes().size() + " top-level IR nodes)");
        rightTitle.setText(afterTitle + "  (" + after.nodes().size() + " top-level IR nodes)");
        left.show(before, beforeLoader);
        right.show(after, afterLoader);
    }

    /** What the right side shows: the module frozen, or frozen and optimized for inference. */
    public enum Transform {
        FREEZE("freeze"), OPTIMIZE_FOR_INFERENCE("optimize_for_inference");

        private final String label;

        Transform(String label) {
            this.label = label;
        }
    }

    /**
     * Shows {@code module.<method>} on the left and the same method of the transformed module on the right. The
     * transformation (which inlines everything, slow on very large models) runs off the FX thread; the future
     * completes once both sides are shown. The transformed module is owned here and closed on the next call.
     */
    public CompletableFuture<Void> showTransformed(ScriptModule module, String method, Transform transform) {
        left.show(module, method);
        leftTitle.setText("original: " + method);
        rightTitle.setText(transform.label + ": working…");
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = LayoutThreads.newThread(() -> {
            try {
                ScriptModule changed = transform == Transform.FREEZE ? module.freeze() : module.optimizeForInference();
                IrGraph graph = ModuleGraphs.graph(changed, method);
                Platform.runLater(() -> {
                    closeTransformed();
                    transformed = changed;
                    rightTitle.setText(transform.label + ": " + method + "  (" + graph.nodes().size() + " top-level IR nodes)");
                    right.show(graph, ModuleGraphs.loader(changed));
                    done.complete(null);
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    rightTitle.setText(transform.label + " failed: " + e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        t.start();
        return done;
    }

    /** Frees the transformed module (when the compare window closes). */
    public void close() {
        closeTransformed();
    }

    private void closeTransformed() {
        if (transformed != null) {
            transformed.close();
            transformed = null;
        }
    }

    public GraphPane left() {
        return left;
    }

    public GraphPane right() {
        return right;
    }
}
