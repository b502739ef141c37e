package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.grapheditor.EditorColors.Role;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.BlockSignature;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.Literals;
import io.tsstudio.ui.grapheditor.model.PortSpec;
import io.tsstudio.ui.grapheditor.model.Signatures;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The editing surface: one {@link Canvas} repainted from the document (no scene-graph node per block), with
 * viewport culling through the view model's block index. Gestures: drag a block to move the selection, drag from a
 * port to another port to connect, drag on empty space for a selection rectangle, right/middle drag or
 * scroll to pan, Ctrl+scroll to zoom, Delete, Ctrl+C/V/X/Z/Y/A.
 */
public final class EditorCanvas extends Region {
    private static final Font TITLE = Font.font("SansSerif", FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font("SansSerif", 10.5);

    private final GraphEditorViewModel vm;
    private final Canvas canvas = new Canvas();
    /** The theme's colours, read again when the scene's stylesheets change (see {@link EditorColors}). */
    private EditorColors colors = EditorColors.FALLBACK;
    private double tx = 20, ty = 20, scale = 1;

    private enum Gesture { NONE, MOVE, CONNECT, RUBBER, PAN }

    private Gesture gesture = Gesture.NONE;
    private double pressX, pressY, lastX, lastY, curX, curY; // document coordinates (pan uses screen)
    private PortHit dragPort;
    private long frames;

    public EditorCanvas(GraphEditorViewModel vm) {
        this.vm = vm;
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(200, 200);
        vm.addRepaintListener(this::paint);
        canvas.widthProperty().addListener(o -> paint());
        canvas.heightProperty().addListener(o -> paint());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        io.tsstudio.ui.theme.Palette.follow(this, sheets -> {
            colors = EditorColors.read(sheets);
            paint();
        });
    }

    /** A colour the canvas paints with now. */
    Color color(Role role) {
        return colors.get(role);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
    }

    /** Screen (canvas-local) point to document coordinates. */
    public Point2D toDocument(double sx, double sy) {
        return new Point2D((sx - tx) / scale, (sy - ty) / scale);
    }

    public Point2D toScreen(double dx, double dy) {
        return new Point2D(dx * scale + tx, dy * scale + ty);
    }

    public long framesPainted() {
        return frames;
    }

    /** Frames the whole document in view. */
    public void fit() {
        GraphDocument doc = vm.document();
        if (doc.size() == 0 || getWidth() <= 0) return;
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Block b : doc.blocks()) {
            x0 = Math.min(x0, b.x());
            y0 = Math.min(y0, b.y());
            x1 = Math.max(x1, b.x() + BlockGeometry.WIDTH);
            y1 = Math.max(y1, b.y() + BlockGeometry.height(b));
        }
        scale = Math.max(0.1, Math.min(1.0, Math.min((getWidth() - 60) / (x1 - x0), (getHeight() - 60) / (y1 - y0))));
        tx = 30 - x0 * scale;
        ty = 30 - y0 * scale;
        paint();
    }

    // ---- painting ----

    public void paint() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (w <= 0 || h <= 0) return;
        frames++;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setFill(color(Role.BACKGROUND));
        g.fillRect(0, 0, w, h);
        paintGrid(g, w, h);
        g.setTransform(scale, 0, 0, scale, tx, ty);
        Point2D a = toDocument(0, 0), z = toDocument(w, h);
        GraphDocument doc = vm.document();
        double moveDx = gesture == Gesture.MOVE ? curX - pressX : 0, moveDy = gesture == Gesture.MOVE ? curY - pressY : 0;

        // edges first, under the blocks; only those with an end near the viewport
        g.setLineWidth(1.6);
        double margin = 400;
        double vx0 = a.getX() - margin, vy0 = a.getY() - margin, vx1 = z.getX() + margin, vy1 = z.getY() + margin;
        for (Connection c : doc.connections()) {
            Block from = doc.block(c.fromBlock()), to = doc.block(c.toBlock());
            // cheap cull on block corners before any port arithmetic
            if (Math.max(from.x(), to.x()) + BlockGeometry.WIDTH < vx0 && moveDx == 0 || Math.min(from.x(), to.x()) > vx1 && moveDx == 0
                    || Math.max(from.y(), to.y()) + 400 < vy0 && moveDy == 0 || Math.min(from.y(), to.y()) > vy1 && moveDy == 0) continue;
            double fx = BlockGeometry.outputX(from) + off(from, moveDx), fy = BlockGeometry.outputY(from, portIndex(from, c.fromPort(), true)) + off(from, moveDy);
            double ix = BlockGeometry.inputX(to) + off(to, moveDx), iy = BlockGeometry.inputY(to, portIndex(to, c.toPort(), false)) + off(to, moveDy);
            if (Math.max(fx, ix) < a.getX() - margin || Math.min(fx, ix) > z.getX() + margin
                    || Math.max(fy, iy) < a.getY() - margin || Math.min(fy, iy) > z.getY() + margin) continue;
            boolean hot = vm.isSelected(from.id()) || vm.isSelected(to.id());
            g.setStroke(hot ? color(Role.SELECTED) : color(Role.EDGE));
            double dx = Math.max(40, Math.abs(ix - fx) / 2);
            g.beginPath();
            g.moveTo(fx, fy);
            g.bezierCurveTo(fx + dx, fy, ix - dx, iy, ix, iy);
            g.stroke();
        }

        boolean detailed = scale >= 0.35; // level of detail: far out, ports and labels are unreadable anyway
        for (Block b : vm.blocksIn(a.getX() - BlockGeometry.WIDTH, a.getY() - 200, z.getX(), z.getY())) {
            paintBlock(g, b, off(b, moveDx), off(b, moveDy), detailed);
        }

        if (gesture == Gesture.CONNECT && dragPort != null) {
            Block b = doc.block(dragPort.blockId());
            double px = dragPort.output() ? BlockGeometry.outputX(b) : BlockGeometry.inputX(b);
            double py = dragPort.output() ? BlockGeometry.outputY(b, portIndex(b, dragPort.port(), true)) : BlockGeometry.inputY(b, portIndex(b, dragPort.port(), false));
            g.setStroke(color(Role.SELECTED));
            g.setLineDashes(6, 4);
            g.strokeLine(px, py, curX, curY);
            g.setLineDashes();
        }
        if (gesture == Gesture.RUBBER) {
            g.setStroke(color(Role.SELECTED));
            g.setFill(color(Role.SELECTED).deriveColor(0, 1, 1, 0.12));
            double rx = Math.min(pressX, curX), ry = Math.min(pressY, curY);
            g.fillRect(rx, ry, Math.abs(curX - pressX), Math.abs(curY - pressY));
            g.strokeRect(rx, ry, Math.abs(curX - pressX), Math.abs(curY - pressY));
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private double off(Block b, double d) {
        return d != 0 && vm.isSelected(b.id()) ? d : 0;
    }

    private void paintGrid(GraphicsContext g, double w, double h) {
        double step = 40 * scale;
        if (step < 12) return;
        g.setStroke(color(Role.GRID));
        g.setLineWidth(1);
        for (double x = tx % step; x < w; x += step) g.strokeLine(x, 0, x, h);
        for (double y = ty % step; y < h; y += step) g.strokeLine(0, y, w, y);
    }

    private static int portIndex(Block b, String port, boolean output) {
        List<PortSpec> ports = output ? Signatures.of(b).outputs() : Signatures.of(b).inputs();
        for (int i = 0; i < ports.size(); i++) if (ports.get(i).name().equals(port)) return i;
        return 0;
    }

    private void paintBlock(GraphicsContext g, Block b0, double dx, double dy, boolean detailed) {
        Block b = dx == 0 && dy == 0 ? b0 : b0.at(b0.x() + dx, b0.y() + dy);
        double x = b.x(), y = b.y(), w = BlockGeometry.WIDTH, h = BlockGeometry.height(b);
        List<String> issues = vm.issues(b0);
        g.setFill(color(Role.BLOCK_BODY));
        g.fillRoundRect(x, y, w, h, 8, 8);
        g.setFill(headerColor(b.kind()));
        g.fillRoundRect(x, y, w, BlockGeometry.HEADER, 8, 8);
        g.fillRect(x, y + BlockGeometry.HEADER - 6, w, 6);
        boolean sel = vm.isSelected(b.id());
        g.setLineWidth(sel ? 2.5 : 1.2);
        g.setStroke(sel ? color(Role.SELECTED) : issues.isEmpty() ? color(Role.BLOCK_BORDER) : color(Role.ISSUE));
        g.strokeRoundRect(x, y, w, h, 8, 8);
        if (!detailed) return;
        g.setFill(color(Role.TEXT));
        g.setFont(TITLE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(clip(b.label(), 24), x + 8, y + BlockGeometry.HEADER / 2);
        if (!issues.isEmpty()) {
            g.setFill(color(Role.ISSUE));
            g.fillOval(x + w - 18, y + 7, 12, 12);
            g.setFill(color(Role.ISSUE_TEXT));
            g.setFont(SMALL);
            g.fillText("!", x + w - 13.5, y + 13);
        }
        BlockSignature s = Signatures.of(b);
        g.setFont(SMALL);
        GraphDocument doc = vm.document();
        for (int i = 0; i < s.inputs().size(); i++) {
            PortSpec p = s.inputs().get(i);
            double py = BlockGeometry.inputY(b, i);
            boolean connected = doc.inputConnection(b.id(), p.name()).isPresent();
            boolean missing = !connected && !p.hasDefault() && !b.settings().containsKey(p.name());
            g.setFill(connected ? portColor(p) : missing ? color(Role.ISSUE) : color(Role.BLOCK_BODY));
            g.setStroke(portColor(p));
            g.setLineWidth(1.4);
            g.fillOval(x - BlockGeometry.PORT_RADIUS, py - BlockGeometry.PORT_RADIUS, 2 * BlockGeometry.PORT_RADIUS, 2 * BlockGeometry.PORT_RADIUS);
            g.strokeOval(x - BlockGeometry.PORT_RADIUS, py - BlockGeometry.PORT_RADIUS, 2 * BlockGeometry.PORT_RADIUS, 2 * BlockGeometry.PORT_RADIUS);
            g.setFill(connected || missing ? color(Role.TEXT) : color(Role.MUTED));
            String text = p.name();
            if (!connected && b.settings().containsKey(p.name())) text += " = " + Literals.render(b.setting(p.name()));
            g.fillText(clip(text, 20), x + 9, py);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        for (int i = 0; i < s.outputs().size(); i++) {
            PortSpec p = s.outputs().get(i);
            double py = BlockGeometry.outputY(b, i);
            g.setFill(portColor(p));
            g.fillOval(x + w - BlockGeometry.PORT_RADIUS, py - BlockGeometry.PORT_RADIUS, 2 * BlockGeometry.PORT_RADIUS, 2 * BlockGeometry.PORT_RADIUS);
            g.setFill(color(Role.MUTED));
            g.fillText(p.name() + " : " + shortType(p), x + w - 9, py);
        }
        if (s.outputs().isEmpty() && s.inputs().isEmpty()) {
            g.setFill(color(Role.MUTED));
            g.fillText("", x + w - 9, y + BlockGeometry.HEADER + 9);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    private static String shortType(PortSpec p) {
        String t = p.type().toString();
        return t.length() > 12 ? t.substring(0, 11) + "…" : t;
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private Color headerColor(BlockKind k) {
        return color(switch (k) {
            case INPUT -> Role.INPUT_HEADER;
            case OUTPUT -> Role.OUTPUT_HEADER;
            case CONSTANT -> Role.CONSTANT_HEADER;
            case MODULE -> Role.MODULE_HEADER;
            case OPERATOR -> Role.OPERATOR_HEADER;
        });
    }

    private Color portColor(PortSpec p) {
        String t = p.type().isOptional() ? p.type().element().name() : p.type().name();
        return color(switch (t) {
            case "Tensor" -> Role.TENSOR_PORT;
            case "int", "float", "Scalar", "bool", "number" -> Role.NUMBER_PORT;
            case "List" -> Role.LIST_PORT;
            default -> Role.OTHER_PORT;
        });
    }

    // ---- gestures ----

    private void pressed(MouseEvent e) {
        requestFocus();
        Point2D p = toDocument(e.getX(), e.getY());
        pressX = lastX = curX = p.getX();
        pressY = lastY = curY = p.getY();
        if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.MIDDLE) {
            gesture = Gesture.PAN;
            lastX = e.getX();
            lastY = e.getY();
            return;
        }
        Optional<PortHit> port = vm.portAt(p.getX(), p.getY());
        if (port.isPresent()) {
            gesture = Gesture.CONNECT;
            dragPort = port.get();
            return;
        }
        Optional<Block> b = vm.blockAt(p.getX(), p.getY());
        if (b.isPresent()) {
            boolean additive = e.isShiftDown() || e.isShortcutDown();
            if (additive || !vm.isSelected(b.get().id())) vm.select(b.get().id(), additive);
            gesture = Gesture.MOVE;
        } else {
            if (!e.isShiftDown() && !e.isShortcutDown()) vm.clearSelection();
            gesture = Gesture.RUBBER;
        }
    }

    private void dragged(MouseEvent e) {
        if (gesture == Gesture.PAN) {
            tx += e.getX() - lastX;
            ty += e.getY() - lastY;
            lastX = e.getX();
            lastY = e.getY();
            paint();
            return;
        }
        Point2D p = toDocument(e.getX(), e.getY());
        curX = p.getX();
        curY = p.getY();
        if (gesture != Gesture.NONE) paint();
    }

    private void released(MouseEvent e) {
        Point2D p = toDocument(e.getX(), e.getY());
        curX = p.getX();
        curY = p.getY();
        Gesture done = gesture;
        gesture = Gesture.NONE;
        switch (done) {
            case MOVE -> vm.moveSelection(Math.round(curX - pressX), Math.round(curY - pressY));
            case CONNECT -> {
                Optional<PortHit> target = vm.portAt(curX, curY);
                if (target.isPresent() && !target.get().equals(dragPort)) {
                    vm.connect(dragPort, target.get());
                } else if (target.isEmpty() && !dragPort.output() && Math.hypot(curX - pressX, curY - pressY) > 20) {
                    vm.disconnectInput(dragPort.blockId(), dragPort.port()); // dragging a wire off an input removes it
                }
                dragPort = null;
            }
            case RUBBER -> {
                Set<String> ids = new HashSet<>();
                double x0 = Math.min(pressX, curX), x1 = Math.max(pressX, curX), y0 = Math.min(pressY, curY), y1 = Math.max(pressY, curY);
                for (Block b : vm.blocksIn(x0, y0, x1, y1)) {
                    if (b.x() >= x0 && b.x() + BlockGeometry.WIDTH <= x1 && b.y() >= y0 && b.y() + BlockGeometry.height(b) <= y1) ids.add(b.id());
                }
                if (!ids.isEmpty()) vm.selectAll(ids, e.isShiftDown() || e.isShortcutDown());
            }
            default -> {
            }
        }
        paint();
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown() || e.isControlDown()) {
            double f = e.getDeltaY() > 0 ? 1.1 : 1 / 1.1;
            double ns = Math.max(0.1, Math.min(3, scale * f));
            Point2D d = toDocument(e.getX(), e.getY());
            scale = ns;
            tx = e.getX() - d.getX() * scale;
            ty = e.getY() - d.getY() * scale;
        } else {
            tx += e.getDeltaX();
            ty += e.getDeltaY();
        }
        paint();
        e.consume();
    }

    private void key(KeyEvent e) {
        boolean sc = e.isShortcutDown();
        KeyCode k = e.getCode();
        if (k == KeyCode.DELETE || k == KeyCode.BACK_SPACE) vm.deleteSelection();
        else if (sc && k == KeyCode.C) vm.copySelection();
        else if (sc && k == KeyCode.X) vm.cutSelection();
        else if (sc && k == KeyCode.V) vm.paste();
        else if (sc && k == KeyCode.Z && e.isShiftDown() || sc && k == KeyCode.Y) vm.redo();
        else if (sc && k == KeyCode.Z) vm.undo();
        else if (sc && k == KeyCode.A) vm.selectAll(vm.document().blocks().stream().map(Block::id).toList(), false);
        else return;
        e.consume();
    }
}
