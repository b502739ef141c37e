package io.tsstudio.ui.graph.fx;

import io.tsstudio.engine.files.AtomicWrite;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.Highlights;
import io.tsstudio.ui.graph.render.GraphSvg;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The toolbar's PNG and SVG export: the whole current picture (every open group, with highlights), not just the view. */
final class GraphExport {
    private final GraphPane pane;
    private final GraphCanvas canvas;
    private final Supplier<Highlights> highlights;

    GraphExport(GraphPane pane, GraphCanvas canvas, Supplier<Highlights> highlights) {
        this.pane = pane;
        this.canvas = canvas;
        this.highlights = highlights;
    }

    /** Asks where to write a {@code ext} ("png" or "svg") file, writes it, and says how it went on the status line. */
    void dialog(String ext) {
        if (canvas.scene() == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("graph." + ext);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase() + " image", "*." + ext));
        File file = fc.showSaveDialog(pane.getScene() == null ? null : pane.getScene().getWindow());
        if (file != null) {
            try {
                if (ext.equals("png")) {
                    png(file.toPath());
                } else {
                    svg(file.toPath());
                }
                pane.say("Exported " + file);
            } catch (RuntimeException | IOException e) {
                pane.say("Export failed: " + e.getMessage());
            }
        }
    }

    /** PNG at 2x. */
    void png(Path file) {
        GraphSvg.writePng(requireScene(), 2.0, highlights.get(), file);
    }

    void svg(Path file) throws IOException {
        AtomicWrite.writeString(file, GraphSvg.toSvg(requireScene(), highlights.get()));
    }

    private GraphScene requireScene() {
        GraphScene s = canvas.scene();
        if (s == null) {
            throw new IllegalStateException("no graph is shown");
        }
        return s;
    }
}
