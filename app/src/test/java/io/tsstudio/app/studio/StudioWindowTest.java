package io.tsstudio.app.studio;

import io.tsstudio.engine.Tensors;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;

import io.tsstudio.ui.editor.BufferKind;
import io.tsstudio.ui.editor.CodeEditorView;
import io.tsstudio.ui.editor.CompletionItem;
import io.tsstudio.ui.editor.Diagnostic;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.inspect.InspectorRow;
import io.tsstudio.ui.inspect.ModelSummary;



import io.tsstudio.ui.session.OpenModel;


import javafx.application.Platform;

import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The studio's main window, headless, over the real engine and the PyTorch-made fixtures: opening by API and by
 * drop, the inspector, live diagnostics, completion from LibTorch's registry, recompiling a loaded module's method
 * and saving it.
 */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
    @TempDir
    static Path home;

    private StudioViewModel vm;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        TestStudio studio = TestStudio.show(stage, home);
        vm = studio.vm();
        window = studio.window();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            vm.shutdown();
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    private void open(Path file) throws Exception {
        fx(() -> vm.open(file)).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ModelSummary inspected() throws Exception {
        return fx(() -> vm.inspector().modelProperty().get());
    }

    private List<InspectorRow> inspectorRows(InspectorRow.Kind kind) throws Exception {
        return fx(() -> {
            List<InspectorRow> out = new ArrayList<>();
            collect(window.inspector().table().getRoot(), kind, out);
            return out;
        });
    }

    private static void collect(TreeItem<InspectorRow> item, InspectorRow.Kind kind, List<InspectorRow> out) {
        if (item == null) return;
        if (item.getValue().kind() == kind) out.add(item.getValue());
        item.getChildren().forEach(c -> collect(c, kind, out));
    }

    @Test
    void opensEveryPyTorchFixtureAndShowsItInTheInspector() throws Exception {
        open(SharedFixtures.pytorch("linrelu.script.dat"));
        assertEquals(66, inspected().parameterCount(), "Linear(10->6): 60 weights + 6 biases");
        List<InspectorRow> params = inspectorRows(InspectorRow.Kind.PARAMETER);
        InspectorRow weight = params.stream().filter(r -> r.tensor().name().equals("0.weight")).findFirst().orElseThrow();
        assertEquals("[6, 10]", weight.shape());
        assertEquals("float32", weight.dtype());
        assertEquals("cpu", weight.device());
        assertEquals("60", weight.elements());
        assertEquals("240 B", weight.size());
        assertTrue(fx(() -> stage.getTitle()).startsWith("TorchScript Studio \u2014 "), fx(() -> stage.getTitle()));
        assertTrue(fx(() -> window.editorTabs().getTabs().size()) >= 1, "the model's code opens in editor tabs");

        open(SharedFixtures.pytorch("l1000_100_10.script.dat"));
        assertEquals(101_110, inspected().parameterCount());
        assertEquals(2, inspected().root().children().size(), "Sequential(Sequential(Linear, ReLU), Linear): 2 children");
        assertEquals(5, inspected().root().moduleCount(), "the root, its 2 children and the inner Sequential's Linear and ReLU");
        assertEquals(List.of("0.0.weight", "0.0.bias", "1.weight", "1.bias"),
                inspectorRows(InspectorRow.Kind.PARAMETER).stream().map(r -> r.tensor().name()).toList());

        open(SharedFixtures.pytorch("func.script.dat"));
        assertEquals(1, inspected().root().moduleCount(), "no submodules");
        assertTrue(inspectorRows(InspectorRow.Kind.METHOD).stream().anyMatch(r -> r.name().equals("forward")));

        open(SharedFixtures.pytorch("exported.method.dat"));
        List<String> methods = inspectorRows(InspectorRow.Kind.METHOD).stream().map(InspectorRow::name).toList();
        assertTrue(methods.containsAll(List.of("forward", "predict", "add_scalar")), methods.toString());
        assertEquals("[10]", inspectorRows(InspectorRow.Kind.PARAMETER).stream().filter(r -> r.name().equals("p")).findFirst().orElseThrow().shape());

        open(SharedFixtures.pytorch("r-traced-linear.pt"));
        List<String> rMethods = inspectorRows(InspectorRow.Kind.METHOD).stream().map(InspectorRow::name).toList();
        assertTrue(rMethods.containsAll(List.of("trainforward", "evalforward", "forward")), rMethods.toString());

        for (String f : List.of("scripted.script.dat", "tuple_out.dat", "list_out.dat")) {
            open(SharedFixtures.pytorch(f));
            assertEquals(f, inspected().fileName());
        }
        assertEquals("", fx(() -> vm.lastErrorProperty().get()), "every fixture opened without an error");
    }

    @Test
    void selectingATensorShowsItsStatisticsAndFirstValues() throws Exception {
        open(SharedFixtures.pytorch("exported.method.dat"));
        assertTrue(fx(() -> window.inspector().selectTensor("p")));
        waitFor(() -> fx(() -> window.inspector().statsText().startsWith("min ")));
        // The statistics are those of the real parameter, read through the engine.
        float[] p;
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("exported.method.dat"))) {
            Map<String, Tensor> params = m.namedParameters();
            p = params.get("p").toFloatArray();
            params.values().forEach(Tensor::close);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float v : p) max = Math.max(max, v);
        assertEquals(max, fx(() -> vm.inspector().statsProperty().get().stats().max()), 1e-6);
        assertTrue(fx(() -> window.inspector().valuesText()).startsWith("["));
    }

    @Test
    void droppingSeveralFilesOpensThemAndExplainsTheOnesThatAreNotModels() throws Exception {
        List<File> files = List.of(SharedFixtures.pytorch("linrelu.script.dat").toFile(), SharedFixtures.pytorch("scripted.script.dat").toFile(),
                SharedFixtures.notTorchScript("ordered_dict.pt").toFile(), SharedFixtures.notTorchScript("bug510.dat").toFile());
        assertTrue(fx(() -> FileDrop.drop(window.root(), files)));
        waitFor(() -> fx(() -> vm.models().size() == 3 && vm.lastErrorProperty().get().contains("bug510.dat")));
        String error = fx(() -> vm.lastErrorProperty().get());
        assertTrue(error.contains("neither a TorchScript model nor TorchScript source"), error);
        assertTrue(fx(() -> window.root().lookup("#errorBanner").isVisible()));
        List<String> opened = fx(() -> vm.models().stream().map(OpenModel::fileName).sorted().toList());
        assertEquals(List.of("linrelu.script.dat", "ordered_dict.pt", "scripted.script.dat"), opened);
        // The torch.save archive is a read-only state dict view listing its tensors.
        OpenModel stateDict = fx(() -> vm.models().stream().filter(m -> !m.isTorchScript()).findFirst().orElseThrow());
        assertEquals(List.of("weight", "bias"), stateDict.summary().stateTensors().stream().map(t -> t.name()).toList());
        EditorViewModel readOnly = fx(() -> vm.buffers().stream().filter(b -> b.kind() == BufferKind.READ_ONLY).findFirst().orElseThrow());
        assertTrue(readOnly.text().contains("torch.save archive"));
        assertFalse(fx(() -> window.editorOf(readOnly).orElseThrow().codeArea().isEditable()));
        assertTrue(fx(() -> stage.isShowing()), "the studio stays up");
    }

    @Test
    void aBrokenLineIsReportedAtItsLineAndColumnAndClearsWhenFixed(FxRobot robot) throws Exception {
        EditorViewModel b = fx(() -> vm.newScript(""));
        CodeEditorView editor = fx(() -> window.editorOf(b).orElseThrow());
        robot.clickOn(editor.codeArea());
        robot.write("def f(x: Tensor) -> Tensor:");
        robot.type(KeyCode.ENTER);
        robot.write("return x + undefined_name");
        waitFor(() -> fx(() -> !b.checkingProperty().get() && !b.diagnostics().isEmpty()));
        Diagnostic d = fx(() -> b.diagnostics().get(0));
        assertEquals(2, d.line(), d.toString());
        assertEquals(16, d.column(), d.toString());
        assertTrue(d.message().contains("undefined_name"), d.message());
        int at = fx(() -> editor.codeArea().getText().indexOf("undefined_name"));
        waitFor(() -> fx(() -> editor.codeArea().getStyleAtPosition(at + 1).contains("error-range")));
        waitFor(() -> fx(() -> robot.lookup("#gutterError-2").tryQuery().isPresent())); // gutter repaints after the style pass
        waitFor(() -> fx(() -> window.problems().table().getItems().size() == 1));
        // Fix it: replace the undefined name by x.
        robot.type(KeyCode.BACK_SPACE, "undefined_name".length());
        robot.write("x");
        waitFor(() -> fx(() -> !b.checkingProperty().get() && b.diagnostics().isEmpty()));
        waitFor(() -> fx(() -> window.problems().table().getItems().isEmpty()));
        assertFalse(fx(() -> editor.codeArea().getStyleAtPosition(at).contains("error-range")));
    }

    @Test
    void completionOffersTorchReluWithItsSchemaFromTheRegistry(FxRobot robot) throws Exception {
        EditorViewModel b = fx(() -> vm.newScript(""));
        CodeEditorView editor = fx(() -> window.editorOf(b).orElseThrow());
        robot.clickOn(editor.codeArea());
        robot.write("y = torch.rel");
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
        waitFor(() -> fx(() -> editor.visibleCompletions().stream().anyMatch(i -> i.label().equals("torch.relu"))));
        CompletionItem relu = fx(() -> editor.visibleCompletions().stream().filter(i -> i.label().equals("torch.relu")).findFirst().orElseThrow());
        assertTrue(relu.detail().contains("relu(Tensor self) -> Tensor"), relu.detail());
    }

    @Test
    void editingAMethodRecompilesItIntoTheLoadedModuleAndSavesWithTheOldWeights(@TempDir Path out) throws Exception {
        Path fixture = SharedFixtures.pytorch("linrelu.script.dat");
        open(fixture);
        EditorViewModel code = fx(() -> vm.buffers().stream()
                .filter(b -> b.kind() == BufferKind.MODULE_CODE && b.text().contains("def forward") && b.text().contains("Sequential"))
                .findFirst().orElseThrow());
        String original = code.text();
        String returnLine = original.lines().filter(l -> l.trim().startsWith("return ")).reduce((a, c) -> c).orElseThrow();
        String expr = returnLine.trim().substring("return ".length());
        String edited = returnLine.replace("return " + expr, "return torch.mul(" + expr + ", 2.0)");
        fx(() -> {
            window.editorOf(code).orElseThrow().replaceAll(returnLine, edited);
            return null;
        });
        assertTrue(code.isDirty());
        waitFor(() -> fx(() -> !code.checkingProperty().get()));
        assertTrue(fx(() -> code.diagnostics().isEmpty()), () -> "live check of the edit: " + code.diagnostics());
        fx(() -> vm.recompile(code)).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(code::isDirty), "recompiled text counts as saved");
        OpenModel model = fx(() -> vm.modelFor(code));
        Path saved = out.resolve("linrelu-doubled.pt");
        fx(() -> vm.saveModel(model, saved)).get(60, TimeUnit.SECONDS);
        try (ScriptModule before = Jit.load(fixture); ScriptModule after = Jit.load(saved);
             Tensor ones = Tensors.of(new float[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 10)) {
            float[] a;
            float[] b;
            try (Tensor ya = (Tensor) before.forward(ones); Tensor yb = (Tensor) after.forward(ones)) {
                a = ya.toFloatArray();
                b = yb.toFloatArray();
            }
            assertNotEquals(0f, a[0], "the fixture's first output is non-zero (0.3134...)");
            for (int i = 0; i < a.length; i++) assertEquals(2 * a[i], b[i], 1e-5, "new behaviour at " + i);
            Map<String, Tensor> pa = before.namedParameters();
            Map<String, Tensor> pb = after.namedParameters();
            assertEquals(pa.keySet(), pb.keySet());
            for (String k : pa.keySet()) assertArrayEquals(pa.get(k).toFloatArray(), pb.get(k).toFloatArray(), "weights kept: " + k);
            pa.values().forEach(Tensor::close);
            pb.values().forEach(Tensor::close);
        }
    }

    @Test
    void aBrokenEditIsNotRecompiledAndPointsAtTheError() throws Exception {
        open(SharedFixtures.pytorch("exported.method.dat"));
        EditorViewModel code = fx(() -> vm.buffers().stream()
                .filter(b -> b.kind() == BufferKind.MODULE_CODE && b.text().contains("def predict")).findFirst().orElseThrow());
        String line = code.text().lines().filter(l -> l.contains("def predict")).findFirst().orElseThrow();
        fx(() -> {
            window.editorOf(code).orElseThrow().replaceAll("def predict", "def predict_renamed");
            return null;
        });
        String broken = code.text().replace("self.p", "self.no_such_parameter");
        fx(() -> {
            window.editorOf(code).orElseThrow().setText(broken);
            return null;
        });
        java.util.concurrent.ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> fx(() -> vm.recompile(code)).get(60, TimeUnit.SECONDS));
        assertTrue(String.valueOf(failed.getCause().getMessage()).contains("no_such_parameter"), failed.getCause().getMessage());
        waitFor(() -> fx(() -> !code.diagnostics().isEmpty()));
        Diagnostic d = fx(() -> code.diagnostics().get(0));
        int expectedLine = 1 + (int) broken.substring(0, broken.indexOf("self.no_such_parameter")).chars().filter(c -> c == '\n').count();
        assertEquals(expectedLine, d.line(), d.toString());
        assertTrue(code.isDirty());
        assertFalse(line.isEmpty());
    }

    @Test
    void aScriptOfDefFunctionsCompilesToAModuleFile(@TempDir Path out) throws Exception {
        EditorViewModel script = fx(() -> vm.newScript("def helper(x: Tensor) -> Tensor:\n    return x * 2.0\n\n"
                + "def forward(x: Tensor) -> Tensor:\n    return helper(x) + 1.0\n"));
        Path target = out.resolve("doubled.pt");
        fx(() -> vm.compileToModule(script, target)).get(60, TimeUnit.SECONDS);
        try (ScriptModule m = Jit.load(target); Tensor x = Tensors.of(new float[] {1, 2, 3}, 3); Tensor y = (Tensor) m.forward(x)) {
            assertArrayEquals(new float[] {3, 5, 7}, y.toFloatArray(), 1e-6f);
            assertTrue(m.hasMethod("helper"), "the other functions become methods too");
        }
    }

    @Test
    void callingASubmoduleDirectlyIsFlaggedAndTheQuickFixRepairsIt(@TempDir Path dir) throws Exception {
        Path model = SampleWorkspace.prepare(dir).get(1);
        open(model);
        EditorViewModel code = fx(() -> vm.buffers().stream()
                .filter(b -> b.kind() == BufferKind.MODULE_CODE && b.text().contains("class TinyMLP")).findFirst().orElseThrow());
        CodeEditorView editor = fx(() -> window.editorOf(code).orElseThrow());
        // PyTorch prints the call as "h = (encoder).forward(x, )"; written the Python way it fails without Python.
        String call = code.text().lines().filter(l -> l.contains("encoder") && l.contains(".forward(")).findFirst().orElseThrow();
        String direct = call.substring(0, call.indexOf(call.trim())) + "h = self.encoder(x)";
        fx(() -> {
            editor.replaceAll(call, direct);
            return null;
        });
        waitFor(() -> fx(() -> !code.checkingProperty().get() && !code.diagnostics().isEmpty()));
        Diagnostic d = fx(() -> code.diagnostics().get(0));
        int line = 1 + (int) code.text().substring(0, code.text().indexOf(direct)).chars().filter(c -> c == '\n').count();
        assertEquals(line, d.line(), d.toString());
        fx(() -> {
            editor.goToLine(d.line(), d.column());
            return editor.applyQuickFixesAtCaret();
        });
        assertTrue(fx(code::text).contains("self.encoder.forward("), fx(code::text));
        waitFor(() -> fx(() -> !code.checkingProperty().get() && code.diagnostics().isEmpty()));
    }

    @Test
    void completionAfterSelfOffersTheModulesMembers(FxRobot robot) throws Exception {
        open(SharedFixtures.pytorch("exported.method.dat"));
        EditorViewModel code = fx(() -> vm.buffers().stream().filter(b -> b.kind() == BufferKind.MODULE_CODE).findFirst().orElseThrow());
        CodeEditorView editor = fx(() -> window.editorOf(code).orElseThrow());
        fx(() -> {
            editor.codeArea().moveTo(editor.codeArea().getLength());
            editor.codeArea().insertText(editor.codeArea().getLength(), "\nself.");
            editor.codeArea().moveTo(editor.codeArea().getLength());
            editor.showCompletion();
            return null;
        });
        waitFor(() -> fx(() -> !editor.visibleCompletions().isEmpty()));
        List<String> labels = fx(() -> editor.visibleCompletions().stream().map(CompletionItem::label).toList());
        assertTrue(labels.containsAll(List.of("p", "predict", "add_scalar")), labels.toString());
    }

    @Test
    void theGraphSlotShowsTheActiveModelsForwardGraph() throws Exception {
        fx(() -> GraphWiring.install(window, vm, vm.ioExecutor()));
        open(SharedFixtures.pytorch("l1000_100_10.script.dat"));
        waitFor(() -> fx(() -> graphPane() != null && graphPane().viewModel() != null));
        assertTrue(fx(() -> graphPane().layoutDone()).get(60, TimeUnit.SECONDS) != null);
        assertTrue(fx(() -> graphPane().viewModel().visibleNodeCount()) > 0, "the forward graph has nodes on screen");
    }

    @Test
    void graphAndCodeAreLinkedBothWays() throws Exception {
        fx(() -> GraphWiring.install(window, vm, vm.ioExecutor()));
        open(SharedFixtures.pytorch("linrelu.script.dat"));
        waitFor(() -> fx(() -> graphPane() != null && graphPane().viewModel() != null));
        assertTrue(fx(() -> graphPane().layoutDone()).get(60, TimeUnit.SECONDS) != null);
        var pane = fx(this::graphPane);
        // Graph to code: selecting a node with a source range opens its class's tab at that line.
        var node = fx(() -> pane.viewModel().allNodes().stream().filter(n -> n.sourceRange().isPresent()).findFirst().orElseThrow());
        var range = node.sourceRange().orElseThrow();
        fx(() -> {
            pane.viewModel().select(node);
            return null;
        });
        EditorViewModel active = fx(() -> vm.workspace().activeBuffer());
        assertTrue(fx(() -> vm.isModelCode(active)), "a code tab of the model is active");
        CodeEditorView editor = fx(() -> window.editorOf(active).orElseThrow());
        int caretLine = fx(() -> editor.codeArea().getCurrentParagraph() + 1);
        String lineText = fx(() -> editor.codeArea().getParagraph(caretLine - 1).getText());
        assertTrue(lineText.length() >= range.startColumn() - 1 && !lineText.isBlank(),
                "caret on a code line for " + range + ": '" + lineText + "'");
        // Code to graph: the caret on that line outlines the node it produced.
        fx(() -> {
            vm.workspace().caretProperty().set(new io.tsstudio.ui.session.Workspace.Caret(caretLine, 1));
            return null;
        });
        assertTrue(fx(() -> pane.viewModel().nodesAtLine(range.file(), range.startLine()).contains(node)),
                "the node is found from its line");
    }

    private io.tsstudio.ui.graph.fx.GraphPane graphPane() {
        return window.dock().getTabs().stream().filter(t -> "graphSlot".equals(t.getId()))
                .map(javafx.scene.control.Tab::getContent)
                .filter(n -> n instanceof io.tsstudio.ui.graph.fx.GraphPane)
                .map(n -> (io.tsstudio.ui.graph.fx.GraphPane) n).findFirst().orElse(null);
    }
}
