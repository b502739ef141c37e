package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockSignature;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.Signatures;

import java.util.Collection;
import java.util.Optional;

/**
 * Hit-testing on the canvas: which block or port is under a point, which blocks a rubber band covers. Answers from
 * a spatial index refreshed when the document changed, in document coordinates, where the canvas draws them.
 */
final class BlockPicker {
    private final GraphDocument doc;
    private final BlockIndex index = new BlockIndex();

    BlockPicker(GraphDocument doc) {
        this.doc = doc;
    }

    Optional<Block> blockAt(double x, double y) {
        index.refresh(doc);
        Block hit = null;
        // later blocks paint on top, so the last one containing the point wins
        for (Block b : index.query(x, y, x, y)) if (BlockGeometry.contains(b, x, y)) hit = b;
        return Optional.ofNullable(hit);
    }

    Optional<PortHit> portAt(double x, double y) {
        index.refresh(doc);
        double r = BlockGeometry.PORT_RADIUS + 3;
        for (Block b : index.query(x - r, y - r, x + r, y + r)) {
            BlockSignature s = Signatures.of(b);
            for (int i = 0; i < s.inputs().size(); i++) {
                if (Math.abs(x - BlockGeometry.inputX(b)) <= r && Math.abs(y - BlockGeometry.inputY(b, i)) <= r) {
                    return Optional.of(new PortHit(b.id(), s.inputs().get(i).name(), false));
                }
            }
            for (int i = 0; i < s.outputs().size(); i++) {
                if (Math.abs(x - BlockGeometry.outputX(b)) <= r && Math.abs(y - BlockGeometry.outputY(b, i)) <= r) {
                    return Optional.of(new PortHit(b.id(), s.outputs().get(i).name(), true));
                }
            }
        }
        return Optional.empty();
    }

    Collection<Block> blocksIn(double x0, double y0, double x1, double y1) {
        index.refresh(doc);
        return index.query(x0, y0, x1, y1);
    }
}
