package io.tsstudio.app.studio;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import java.io.File;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Simulates dropping files onto a node the way the toolkit delivers it: a drag-over then a drop event carrying a
 * dragboard with the files, dispatched through the node's real handlers. (A robot cannot drag files in from
 * outside the application, least of all headless.) The dragboard is backed by a small in-memory clipboard that
 * offers COPY, as a file manager's drag does.
 */
final class FileDrop {
    private FileDrop() {
    }

    /** Returns whether the drop was accepted and completed. Call on the FX thread. */
    static boolean drop(Node target, List<File> files) {
        Dragboard board = DragboardHelper.createDragboard(new ExternalDrag());
        ClipboardContent content = new ClipboardContent();
        content.putFiles(files);
        board.setContent(content);
        DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, 100, 100, 100, 100, TransferMode.COPY, null, null, null);
        Event.fireEvent(target, over);
        DragEvent dropped = new DragEvent(DragEvent.DRAG_DROPPED, board, 100, 100, 100, 100, TransferMode.COPY, null, null, null);
        Event.fireEvent(target, dropped);
        return dropped.isDropCompleted();
    }

    /** The data of a drag that started outside the application. */
    private static final class ExternalDrag implements TKClipboard {
        private final Map<DataFormat, Object> data = new HashMap<>();

        @Override
        @SuppressWarnings("removal") // the toolkit's interface still declares it; nothing to do with it here
        public void setSecurityContext(AccessControlContext ctx) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return data.keySet();
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            data.clear();
            for (Pair<DataFormat, Object> p : content) data.put(p.getKey(), p.getValue());
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return data.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return data.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
