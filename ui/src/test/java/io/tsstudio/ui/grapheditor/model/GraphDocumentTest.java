package io.tsstudio.ui.grapheditor.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.tsstudio.ui.grapheditor.model.ModelFixtures.add;
import static io.tsstudio.ui.grapheditor.model.ModelFixtures.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphDocumentTest {
    @Test
    void refusedConnectionsSayWhy() {
        GraphDocument doc = new GraphDocument();
        CommandStack s = new CommandStack(doc);
        Block x = add(s, Blocks.input(doc, "x", "Tensor", 0, 0));
        Block n = add(s, Blocks.input(doc, "n", "int", 0, 0));
        Block fc = add(s, Blocks.module(doc, "Linear", 0, 0));
        Block act = add(s, Blocks.module(doc, "ReLU", 0, 0));
        Block sum = add(s, Blocks.operator(doc, ModelFixtures.SUM_DIM, 0, 0));
        int depth = s.undoDepth();

        ConnectionRefusedException typeErr = assertThrows(ConnectionRefusedException.class,
                () -> connect(s, n, "value", fc, "input"));
        assertEquals("type mismatch: input 'input' of 'linear' (Linear) takes Tensor, but output 'value' of input 'n' gives int", typeErr.getMessage());

        ConnectionRefusedException listErr = assertThrows(ConnectionRefusedException.class,
                () -> connect(s, x, "value", sum, "dim"));
        assertTrue(listErr.getMessage().contains("takes Optional[List[int]]"), listErr.getMessage());

        connect(s, x, "value", fc, "input");
        connect(s, fc, "output", act, "input");
        ConnectionRefusedException cycle = assertThrows(ConnectionRefusedException.class,
                () -> connect(s, act, "output", fc, "input"));
        assertEquals("this would make a cycle: 'relu' (ReLU) already depends on 'linear' (Linear)", cycle.getMessage());

        ConnectionRefusedException self = assertThrows(ConnectionRefusedException.class, () -> connect(s, act, "output", act, "input"));
        assertTrue(self.getMessage().startsWith("a block cannot feed itself"), self.getMessage());

        ConnectionRefusedException port = assertThrows(ConnectionRefusedException.class, () -> connect(s, x, "value", fc, "weight"));
        assertEquals("'linear' (Linear) has no input 'weight'", port.getMessage());
        // refused edits leave no trace in history
        assertEquals(depth + 2, s.undoDepth());
        assertEquals(2, doc.connections().size());
    }

    @Test
    void missingRequiredInputsAreFlaggedOnTheBlock() {
        GraphDocument doc = new GraphDocument();
        CommandStack s = new CommandStack(doc);
        Block x = add(s, Blocks.input(doc, "x", "Tensor", 0, 0));
        Block sum = add(s, Blocks.operator(doc, ModelFixtures.SUM_DIM, 0, 0));
        assertEquals(List.of("input 'self' (Tensor) is required but not connected",
                "input 'dim' (Optional[List[int]]) is required but not connected or set"), BlockIssues.of(doc, doc.block(sum.id())));
        connect(s, x, "value", sum, "self");
        s.execute(Commands.setSetting(sum.id(), "dim", List.of(1L)));
        assertEquals(List.of(), BlockIssues.of(doc, doc.block(sum.id())));
        assertTrue(BlockIssues.all(doc).contains("the graph has no output block"));
    }

    @Test
    void connectingAnOccupiedInputReplacesTheOldEdgeAndUndoBringsItBack() {
        GraphDocument doc = new GraphDocument();
        CommandStack s = new CommandStack(doc);
        Block a = add(s, Blocks.input(doc, "a", "Tensor", 0, 0));
        Block b = add(s, Blocks.input(doc, "b", "Tensor", 0, 0));
        Block act = add(s, Blocks.module(doc, "ReLU", 0, 0));
        connect(s, a, "value", act, "input");
        connect(s, b, "value", act, "input");
        assertEquals(List.of(new Connection(b.id(), "value", act.id(), "input")), doc.connections());
        s.undo();
        assertEquals(List.of(new Connection(a.id(), "value", act.id(), "input")), doc.connections());
    }

    @Test
    void undoAndRedoRestoreEveryState() {
        CommandStack s = ModelFixtures.mlp();
        GraphDocument doc = s.document();
        Block fc1 = doc.byName("linear").orElseThrow();
        // more kinds of edit on top of the build
        s.execute(Commands.move(Map.of(fc1.id(), new double[] {50, 60})));
        s.execute(Commands.rename(fc1.id(), "fc1"));
        List<String> copied = new ArrayList<>();
        s.execute(Commands.copy(doc, List.of(fc1.id(), doc.byName("relu").orElseThrow().id())).pasteInto(doc, 20, 20, copied));
        s.execute(Commands.removeBlocks(List.of(doc.byName("relu").orElseThrow().id())));
        s.execute(Commands.clearSetting(fc1.id(), "bias"));

        // walk back to the empty document, recording each state, then forward again and compare
        List<GraphDocument> states = new ArrayList<>();
        states.add(Commands.snapshot(doc));
        while (s.canUndo()) {
            s.undo();
            states.add(Commands.snapshot(doc));
        }
        assertEquals(0, doc.size());
        for (int i = states.size() - 2; i >= 0; i--) {
            s.redo();
            assertTrue(doc.sameContent(states.get(i)), "redo step differs from state " + i);
        }
        for (int i = 1; i < states.size(); i++) {
            s.undo();
            assertTrue(doc.sameContent(states.get(i)), "undo step differs from state " + i);
        }
        assertFalse(s.canUndo());
    }

    @Test
    void pasteMakesFreshNamesAndKeepsInnerConnections() {
        CommandStack s = ModelFixtures.mlp();
        GraphDocument doc = s.document();
        Block fc1 = doc.byName("linear").orElseThrow();
        Block relu = doc.byName("relu").orElseThrow();
        List<String> pasted = new ArrayList<>();
        s.execute(Commands.copy(doc, List.of(fc1.id(), relu.id())).pasteInto(doc, 30, 0, pasted));
        assertEquals(2, pasted.size());
        Block fcCopy = doc.block(pasted.get(0));
        assertEquals("linear2", fcCopy.name());
        assertEquals(4L, fcCopy.setting("in_features"));
        assertEquals(fc1.x() + 30, fcCopy.x());
        assertTrue(doc.connections().contains(new Connection(pasted.get(0), "output", pasted.get(1), "input")));
        assertTrue(doc.incoming(pasted.get(0)).isEmpty(), "edges from outside the selection are not copied");
    }

    @Test
    void badNamesAndSettingsAreRefused() {
        CommandStack s = ModelFixtures.mlp();
        GraphDocument doc = s.document();
        Block fc1 = doc.byName("linear").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> s.execute(Commands.rename(fc1.id(), "relu")));
        assertThrows(IllegalArgumentException.class, () -> s.execute(Commands.rename(fc1.id(), "2x")));
        assertThrows(IllegalArgumentException.class, () -> s.execute(Commands.rename(fc1.id(), "self")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.execute(Commands.setSetting(fc1.id(), "in_features", 2.5)));
        assertEquals("setting 'in_features' of linear takes int, not 2.5", e.getMessage());
        assertEquals(4L, doc.block(fc1.id()).setting("in_features"));
    }

    @Test
    void documentJsonRoundTripsExactly() {
        CommandStack s = ModelFixtures.cnn();
        GraphDocument doc = s.document();
        Block sumBlock = add(s, Blocks.operator(doc, ModelFixtures.SUM_DIM, 5.5, -3.25));
        s.execute(Commands.setSetting(sumBlock.id(), "dim", List.of(1L, 2L)));
        s.execute(Commands.setSetting(sumBlock.id(), "keepdim", true));
        Block c = add(s, Blocks.constant(doc, 0.5, 1, 1));
        s.execute(Commands.retitle("SmallCnn"));
        String json = DocumentJson.write(doc);
        GraphDocument back = DocumentJson.read(json);
        assertTrue(doc.sameContent(back), json);
        assertEquals(0.5, back.block(c.id()).setting("value"));
        assertEquals(json, DocumentJson.write(back));
    }

    @Test
    void brokenJsonIsRefusedWithWhere() {
        assertThrows(IllegalArgumentException.class, () -> DocumentJson.read("{"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DocumentJson.read("{\"format\":\"tsstudio-graph\",\"version\":1,\"blocks\":[{\"id\":\"b1\",\"kind\":\"MODULE\",\"type\":\"Linear\"}]}"));
        assertEquals("block 1 of the graph document: field 'name' is missing", e.getMessage());
    }
}
