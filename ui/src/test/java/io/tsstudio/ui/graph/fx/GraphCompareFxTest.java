package io.tsstudio.ui.graph.fx;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.ui.compare.CompareViewModel;
import io.tsstudio.ui.compare.DiffRow;
import io.tsstudio.ui.compare.ModuleMark;
import io.tsstudio.ui.graph.layout.GraphScene;
import io.tsstudio.ui.graph.model.GraphFixtures;
import io.tsstudio.ui.graph.model.GraphNode;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: a comparison of PyTorch's nested Sequential with a copy whose {@code 0.0.weight} is nudged opens, lists
 * the changed parameter, marks the modules and jumps to the first divergence in both graphs.
 */
@ExtendWith(ApplicationExtension.class)
class GraphCompareFxTest {
    @TempDir
    Path dir;
    private GraphCompareView view;
    private ScriptModule a;

    @Start
    void start(Stage stage) {
        view = new GraphCompareView(new io.tsstudio.ui.compare.SameProcessComparisonRuns());
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        if (a != null) a.close();
        view.close();
    }

    private Path nudgedCopy() {
        Path out = dir.resolve("nudged.pt");
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("l1000_100_10.script.dat"))) {
            Map<String, Tensor> p = m.namedParameters();
            try (NoGrad g = NoGrad.enter(); Tensor row = p.get("0.0.weight").select(0, 3)) {
                row.add_(0.25);
            } finally {
                p.values().forEach(Tensor::close);
            }
            Jit.save(m, out);
        }
        return out;
    }

    @Test
    void opensAComparisonAndGoesToTheFirstDivergenceInBothGraphs(FxRobot robot) throws Exception {
        a = Jit.load(SharedFixtures.pytorch("l1000_100_10.script.dat"));
        ScriptModule b = Jit.load(nudgedCopy());
        CompareViewModel[] vm = new CompareViewModel[1];
        robot.interact(() -> {
            view.own(b);
            view.compare("original", a, "nudged", b, "forward").thenAccept(m -> vm[0] = m);
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm[0] != null);
        GraphPaneFxTest.awaitLayout(view.left());
        GraphPaneFxTest.awaitLayout(view.right());

        assertEquals(Optional.of("0.0"), vm[0].firstDivergence());
        assertEquals(Optional.of(ModuleMark.FIRST_DIVERGENCE), vm[0].markA("0.0"));
        assertEquals(Optional.of(ModuleMark.DIVERGING), vm[0].markB("1"));
        ListView<?> list = robot.lookup("#compareDifferences").queryAs(ListView.class);
        assertTrue(list.getItems().stream().map(r -> ((DiffRow) r).text()).anyMatch(t -> t.startsWith("parameter 0.0.weight  values  max abs 0.25")),
                () -> list.getItems().toString());
        // the proposed input is ones: output 3 of 0.0 moves by 1000 x 0.25
        assertEquals("first divergence: 0.0  max abs diff 250.0", ((DiffRow) list.getItems().get(0)).text());
        // the top level draws "0" (the inner Sequential), marked as diverging, on both sides
        GraphNode outer = view.left().viewModel().root().nodes().stream()
                .filter(n -> n.modulePath().equals(Optional.of("0"))).findFirst().orElseThrow();
        assertFalse(view.left().viewModel().isExpanded(outer));

        robot.clickOn("#compareFirstDivergence");
        for (GraphPane pane : new GraphPane[] {view.left(), view.right()}) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pane.viewModel().selected()
                    .flatMap(GraphNode::modulePath).equals(Optional.of("0.0")));
            GraphScene scene = GraphPaneFxTest.awaitLayout(pane);
            GraphNode target = pane.viewModel().selected().orElseThrow();
            assertTrue(pane.viewModel().isExpanded(target), "the diverging module is opened");
            assertTrue(pane.viewModel().isVisible(target), "its parent group is opened");
            assertTrue(scene.indexOf(target).isPresent(), "it is drawn");
        }
    }

    @Test
    void comparesWithAFileAndWithTheFrozenModelLoadedAndTransformedOffTheFxThread(FxRobot robot) throws Exception {
        a = Jit.load(SharedFixtures.pytorch("l1000_100_10.script.dat"));
        Path nudged = nudgedCopy();
        CompareViewModel withFile = WaitForAsyncUtils.asyncFx(() -> view.compareWithFile("original", a, nudged, "forward"))
                .get(30, TimeUnit.SECONDS).get(120, TimeUnit.SECONDS);
        assertEquals(Optional.of("0.0"), withFile.firstDivergence(), "the loaded file diverges where it was nudged");

        WaitForAsyncUtils.asyncFx(() -> view.showTransformed(a, "forward", GraphCompareView.Transform.FREEZE))
                .get(30, TimeUnit.SECONDS).get(120, TimeUnit.SECONDS);
        GraphPaneFxTest.awaitLayout(view.right());
        assertTrue(view.left().viewModel().root().nodes().stream().anyMatch(n -> n.modulePath().isPresent()),
                "the original calls its submodules");
        assertTrue(view.right().viewModel().root().nodes().stream().noneMatch(n -> n.modulePath().isPresent()),
                "the right side draws the frozen graph, every submodule inlined");

        java.util.concurrent.ExecutionException missing = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> WaitForAsyncUtils.asyncFx(
                        () -> view.compareWithFile(dir.resolve("none.pt"))).get(30, TimeUnit.SECONDS).get(60, TimeUnit.SECONDS));
        assertTrue(robot.lookup("#compareStatus").queryLabeled().getText().startsWith("Cannot open none.pt: "),
                robot.lookup("#compareStatus").queryLabeled().getText() + " / " + missing.getCause());
    }
}
