package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockSignature;
import io.tsstudio.ui.grapheditor.model.Signatures;

/**
 * Where a block's parts are in document coordinates: its box and its ports (inputs on the left edge, outputs on the
 * right). Toolkit-free, so hit-testing and layout sizes are testable and shared by the canvas and ELK.
 */
public final class BlockGeometry {
    public static final double WIDTH = 170;
    public static final double HEADER = 26;
    public static final double ROW = 18;
    public static final double PORT_RADIUS = 5;

    private BlockGeometry() {
    }

    public static double height(Block b) {
        BlockSignature s = Signatures.of(b);
        return HEADER + Math.max(1, Math.max(s.inputs().size(), s.outputs().size())) * ROW + 6;
    }

    public static double inputY(Block b, int index) {
        return b.y() + HEADER + index * ROW + ROW / 2;
    }

    public static double outputY(Block b, int index) {
        return b.y() + HEADER + index * ROW + ROW / 2;
    }

    public static double inputX(Block b) {
        return b.x();
    }

    public static double outputX(Block b) {
        return b.x() + WIDTH;
    }

    public static boolean contains(Block b, double x, double y) {
        return x >= b.x() && x <= b.x() + WIDTH && y >= b.y() && y <= b.y() + height(b);
    }
}
