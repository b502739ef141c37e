package io.tsstudio.ui.grapheditor;

import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.Clipboard;
import io.tsstudio.ui.grapheditor.model.CommandStack;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.DocumentCommand;
import io.tsstudio.ui.grapheditor.model.GraphDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the editor's gestures do to the document: each is one undoable step on the {@link CommandStack}, and the
 * status line says what happened or why it was refused (a refused edit leaves the document alone).
 */
final class DocumentEdits {
    private final TaskRunner runner;
    private final GraphDocument doc;
    private final CommandStack stack;
    private final StatusLine status;
    private final BlockSelection selection;
    private final PropertySheet sheet;
    private Clipboard clipboard = new Clipboard(List.of(), List.of());
    private int pasteCount;

    DocumentEdits(TaskRunner runner, CommandStack stack, StatusLine status, BlockSelection selection, PropertySheet sheet) {
        this.runner = runner;
        this.doc = stack.document();
        this.stack = stack;
        this.status = status;
        this.selection = selection;
        this.sheet = sheet;
    }

    boolean run(DocumentCommand c) {
        runner.checkUiThread();
        try {
            stack.execute(c);
            status.info(c.label());
            return true;
        } catch (IllegalArgumentException | IllegalStateException e) {
            status.error(e.getMessage());
            return false;
        }
    }

    Optional<Block> drop(PaletteEntry e, double x, double y) {
        Block b = switch (e.kind()) {
            case MODULE -> Blocks.module(doc, e.key(), x, y);
            case OPERATOR -> Blocks.operator(doc, e.key(), x, y);
            case INPUT -> Blocks.input(doc, nextInputName(), e.key(), x, y);
            case OUTPUT -> Blocks.output(doc, "out", x, y);
            case CONSTANT -> Blocks.constant(doc, 1L, x, y);
        };
        if (!run(Commands.addBlock(b))) return Optional.empty();
        selection.select(b.id(), false);
        return Optional.of(b);
    }

    private String nextInputName() {
        int inputs = doc.blocksOf(BlockKind.INPUT).size();
        return inputs == 0 ? "x" : "x" + (inputs + 1);
    }

    Optional<String> connect(PortHit a, PortHit b) {
        if (a.output() == b.output()) {
            String why = a.output() ? "connect an output to an input, not to another output" : "connect an input to an output, not to another input";
            status.error(why);
            return Optional.of(why);
        }
        PortHit out = a.output() ? a : b, in = a.output() ? b : a;
        Connection c = new Connection(out.blockId(), out.port(), in.blockId(), in.port());
        try {
            stack.execute(Commands.connect(c));
            status.info("Connected " + doc.block(c.fromBlock()).name() + "." + c.fromPort() + " to " + doc.block(c.toBlock()).name() + "." + c.toPort());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            status.error("Refused: " + e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    void disconnectInput(String blockId, String port) {
        doc.inputConnection(blockId, port).ifPresent(c -> run(Commands.disconnect(c)));
    }

    void moveSelection(double dx, double dy) {
        if (selection.isEmpty() || dx == 0 && dy == 0) return;
        Map<String, double[]> to = new LinkedHashMap<>();
        for (String id : selection.ids()) {
            Block b = doc.block(id);
            to.put(id, new double[] {b.x() + dx, b.y() + dy});
        }
        run(Commands.move(to));
    }

    void deleteSelection() {
        if (selection.isEmpty()) return;
        run(Commands.removeBlocks(new ArrayList<>(selection.ids())));
    }

    void copySelection() {
        if (selection.isEmpty()) return;
        clipboard = Commands.copy(doc, selection.ids());
        pasteCount = 0;
        status.info("Copied " + clipboard.blocks().size() + " block" + (clipboard.blocks().size() == 1 ? "" : "s"));
    }

    /** Each paste of the same copy lands a step further down and right, so the copies do not hide each other. */
    void paste() {
        if (clipboard.isEmpty()) return;
        pasteCount++;
        List<String> pasted = new ArrayList<>();
        if (run(clipboard.pasteInto(doc, 30.0 * pasteCount, 30.0 * pasteCount, pasted))) selection.selectAll(pasted, false);
    }

    void undo() {
        Optional<String> label = stack.undoLabel();
        stack.undo();
        label.ifPresent(l -> status.info("Undid " + l));
    }

    void redo() {
        Optional<String> label = stack.redoLabel();
        stack.redo();
        label.ifPresent(l -> status.info("Redid " + l));
    }

    /** Text typed for one property of the single selected block; the error shown, empty when applied. */
    Optional<String> setProperty(String key, String text) {
        Optional<Block> sel = selection.single();
        if (sel.isEmpty()) return Optional.of("select one block to edit its properties");
        try {
            DocumentCommand c = sheet.command(sel.get(), key, text.strip());
            if (c == null || run(c)) return Optional.empty();
            return Optional.of(status.text());
        } catch (IllegalArgumentException e) {
            status.error(key + ": " + e.getMessage());
            return Optional.of(e.getMessage());
        }
    }
}
