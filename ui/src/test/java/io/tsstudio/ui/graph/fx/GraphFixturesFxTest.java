package io.tsstudio.ui.graph.fx;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.graph.model.GraphFixtures;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.NodeKind;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tsstudio.ui.graph.fx.GraphPaneFxTest.awaitLayout;
import static io.tsstudio.ui.graph.fx.GraphPaneFxTest.screenPoint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph pane on the PyTorch-made fixtures, loaded through LibTorch. */
@ExtendWith(ApplicationExtension.class)
class GraphFixturesFxTest {
    private GraphPane pane;
    private Stage stage;
    private final List<ScriptModule> open = new ArrayList<>();
    private final List<GraphSelection> selections = new ArrayList<>();

    @Start
    void start(Stage s) {
        stage = s;
        pane = new GraphPane();
        pane.addSelectionListener(selections::add);
        s.setScene(new Scene(pane, 1200, 800));
        s.show();
    }

    @AfterEach
    void closeModules() {
        open.forEach(ScriptModule::close);
    }

    private ScriptModule load(String fixture) {
        ScriptModule m = Jit.load(SharedFixtures.pytorch(fixture));
        open.add(m);
        return m;
    }

    @Test
    void everyFixtureDrawsTheNodesItsIrHas(FxRobot robot) throws Exception {
        for (String fixture : GraphFixtures.PYTORCH) {
            ScriptModule m = load(fixture);
            robot.interact(() -> pane.show(m, "forward"));
            GraphScene s = awaitLayout(pane);
            assertEquals(pane.viewModel().root().nodes().size(), s.nodeCount(), fixture);
            long irDrawn = pane.viewModel().root().nodes().stream().filter(n -> n.ir().isPresent()).count();
            assertTrue(irDrawn >= 1, fixture + " draws its operators");
            assertTrue(robot.lookup("#graphStatus").queryLabeled().getText().contains(s.nodeCount() + " nodes drawn"), fixture);
        }
    }

    @Test
    void opensAndClosesASubmoduleAndSendsItsSourceRange(FxRobot robot) throws Exception {
        ScriptModule m = load("l1000_100_10.script.dat");
        robot.interact(() -> pane.show(m, "forward"));
        awaitLayout(pane);
        GraphNode seq = pane.viewModel().root().nodes().get(1);
        assertEquals("0: Sequential", seq.title());
        robot.moveTo(screenPoint(pane, seq)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.viewModel().isExpanded(seq));
        GraphScene s = awaitLayout(pane);
        assertEquals(4 + 4, s.nodeCount(), "the Sequential's input, two layers and output appear inside it");
        GraphNode relu = seq.content().nodes().stream().filter(n -> n.title().equals("1: ReLU")).findFirst().orElseThrow();
        assertEquals(NodeKind.MODULE, relu.kind());

        robot.clickOn(screenPoint(pane, relu), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !selections.isEmpty() && selections.get(selections.size() - 1).node() == relu);
        var range = selections.get(selections.size() - 1).sourceRange().orElseThrow();
        assertTrue(range.file().startsWith("code/__torch__/torch/nn/modules/container"), range.toString());
        assertTrue(range.startLine() > 0);

        robot.moveTo(screenPoint(pane, seq)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !pane.viewModel().isExpanded(seq));
        assertEquals(4, awaitLayout(pane).nodeCount());
    }

    @Test
    void comparesAModuleWithItsFrozenSelf(FxRobot robot) throws Exception {
        ScriptModule m = load("linrelu.script.dat");
        GraphCompareView[] view = new GraphCompareView[1];
        robot.interact(() -> {
            view[0] = new GraphCompareView(new io.tsstudio.ui.compare.SameProcessComparisonRuns());
            stage.setScene(new Scene(view[0], 1200, 760));
        });
        robot.interact(() -> view[0].showTransformed(m, "forward", GraphCompareView.Transform.FREEZE));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view[0].right().viewModel() != null);
        GraphScene before = awaitLayout(view[0].left());
        GraphScene after = awaitLayout(view[0].right());
        assertTrue(before.nodeCount() > 0 && after.nodeCount() > 0);
        assertTrue(view[0].left().viewModel().root().nodes().stream().anyMatch(n -> n.kind() == NodeKind.MODULE),
                "before: submodule calls");
        assertTrue(view[0].right().viewModel().root().nodes().stream().noneMatch(n -> n.kind() == NodeKind.MODULE),
                "after freeze everything is inlined");
        assertTrue(view[0].right().viewModel().root().nodes().stream().anyMatch(n -> n.title().equals("linear")));
        robot.interact(() -> view[0].left().canvas().setCamera(0.5, 10, 20));
        assertEquals(0.5, view[0].right().canvas().scale(), 1e-9, "pan and zoom follow");
    }
}
