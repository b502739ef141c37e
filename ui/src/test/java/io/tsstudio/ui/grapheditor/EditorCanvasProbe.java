package io.tsstudio.ui.grapheditor;

import javafx.scene.Node;
import javafx.scene.paint.Color;

import java.util.Arrays;
import java.util.List;

/** Test access to a graph editor canvas's package-private theme colours and pixels, from other test packages. */
public final class EditorCanvasProbe {
    private final EditorCanvas canvas;

    public EditorCanvasProbe(GraphEditorViewModel vm) {
        canvas = new EditorCanvas(vm);
        canvas.setPrefSize(300, 300);
    }

    public Node node() {
        return canvas;
    }

    /** A pixel of empty canvas (between grid lines), as painted. */
    public Color backgroundPixel() {
        canvas.paint();
        return canvas.snapshot(null, null).getPixelReader().getColor(3, 3);
    }

    public static List<String> colourNames() {
        return Arrays.stream(EditorColors.Role.values()).map(EditorColors.Role::cssName).toList();
    }
}
