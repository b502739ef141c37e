package io.tsstudio.app.interop;

import io.tsstudio.engine.Tensors;
import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.trace.Tracer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.app.cli.Cli;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.values.ValueJson;
import io.tsstudio.engine.nn.BatchNorm1d;
import io.tsstudio.engine.nn.Linear;
import io.tsstudio.engine.nn.Module;
import io.tsstudio.engine.nn.ReLU;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.GraphEditorViewModel;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.Blocks;
import io.tsstudio.ui.grapheditor.model.CommandStack;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.Connection;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.session.OpenModel;
import io.tsstudio.ui.session.OpenedFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of file the studio writes loads and runs in PyTorch 1.13 (Debian's python3-torch) with the outputs the
 * studio's engine gives for the same inputs: an edited and recompiled model, a traced Java module in respect mode, a
 * graph-editor model, a compiled script (studio and CLI), and a model saved for mobile. Each file is written through
 * the path the studio itself uses, then loaded both by PyTorch ({@code run_model.py}) and by the engine.
 */
class StudioFilesInPyTorchTest {
    /** PyTorch 1.13 reads archive versions up to 10 and mobile bytecode up to 9 (caffe2/serialize/versions.h). */
    static final int MAX_VERSION_1_13 = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void needsPyTorch() {
        PyTorch.require();
    }

    private static List<Object> engineResults(ScriptModule m, List<Object[]> calls, List<Boolean> train) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Object[] call = calls.get(i);
            m.train(train.get(i));
            out.add(m.call((String) call[0], java.util.Arrays.copyOfRange(call, 1, call.length)));
        }
        return out;
    }

    private static void assertSameResults(JsonNode torch, List<Object> studio, String file) {
        assertTrue(torch.get("version").asInt() <= MAX_VERSION_1_13, file + " has archive version " + torch.get("version"));
        JsonNode results = torch.get("results");
        assertEquals(studio.size(), results.size());
        for (int i = 0; i < studio.size(); i++) SameValues.assertSame(results.get(i), studio.get(i), file + " call " + i);
    }

    // ---------------------------------------------------------------- edited and recompiled

    /**
     * A PyTorch-made model opened in the studio, its class code edited (forward changed, a method added), recompiled
     * and saved, as the code tab's Recompile and Save do (EngineModelBackend).
     */
    @Test
    void anEditedAndRecompiledModel() throws Exception {
        Path original = SharedFixtures.root().resolve("pytorch-1.13/mha_script.pt");
        EngineModelBackend backend = new EngineModelBackend(OperatorCatalog.EMPTY);
        OpenedFile.Model opened = assertInstanceOf(OpenedFile.Model.class, backend.open(original));
        ScriptModule m = opened.model().module();
        try (Tensor q = Tensors.randn(2, 5, 16)) {
            JitTuple unedited = (JitTuple) m.forward(q);
            ValueJson.closeTensors(unedited.get(1));
            Tensor before = (Tensor) unedited.get(0);
            String className = m.className();
            String code = opened.codeByClass().get(className);
            String returnLine = code.lines().filter(l -> l.strip().equals("return _0")).findFirst().orElseThrow(() -> new AssertionError(code));
            String defLine = code.lines().filter(l -> l.strip().startsWith("def forward")).findFirst().orElseThrow();
            String body = returnLine.substring(0, returnLine.indexOf("return"));
            String def = defLine.substring(0, defLine.indexOf("def"));
            String edited = code.replace(returnLine, body + "return (_0[0] * 2.0 + 1.0, _0[1])")
                    + "\n" + def + "def attention_sum(self, q: Tensor) -> Tensor:\n"
                    + body + "out, weights = self.forward(q)\n"
                    + body + "if weights is None:\n"
                    + body + body.substring(def.length()) + "return out.sum(-1)\n"
                    + body + "return out.sum(-1) + weights.sum()\n";
            OpenModel recompiled = backend.recompile(opened.model(), className, edited);
            Path saved = dir.resolve("edited.pt");
            backend.save(recompiled, saved);

            JsonNode torch = ModelCase.jit(dir, saved).call("forward", false, q).call("attention_sum", false, q).runInPyTorch();
            try (ScriptModule back = Jit.load(saved)) {
                List<Object> studio = engineResults(back, List.of(new Object[] {"forward", q}, new Object[] {"attention_sum", q}), List.of(false, false));
                try {
                    assertSameResults(torch, studio, "edited.pt");
                    double[] expected = before.toDoubleArray();
                    for (int i = 0; i < expected.length; i++) expected[i] = expected[i] * 2 + 1;
                    SameValues.assertClose(expected, SameValues.doubles(torch.get("results").get(0).get("tuple").get(0).get("tensor").get("values")),
                            "PyTorch runs the edited forward (2 * before + 1)");
                } finally {
                    studio.forEach(ValueJson::closeTensors);
                }
            } finally {
                before.close();
            }
        } finally {
            m.close();
        }
    }

    // ---------------------------------------------------------------- traced Java module, respect mode

    /** Linear, BatchNorm1d (batch statistics in training, running ones in eval), ReLU, Linear. */
    static final class Classifier extends Module {
        final Linear fc1 = registerModule("fc1", new Linear(6, 8));
        final BatchNorm1d bn = registerModule("bn", new BatchNorm1d(8));
        final ReLU act = registerModule("act", new ReLU());
        final Linear fc2 = registerModule("fc2", new Linear(8, 3));

        @Override
        public Object forward(Object... in) {
            return fc2.forward(act.forward(bn.forward(fc1.forward((Tensor) in[0]))));
        }
    }

    @Test
    void aTracedJavaModuleWithRespectModeInBothModes() throws Exception {
        Path saved = dir.resolve("traced.pt");
        try (Tensor example = Tensors.randn(4, 6); ScriptModule traced = Tracer.trace(new Classifier(), example)) {
            traced.save(saved);
        }
        try (Tensor x = Tensors.randn(5, 6)) {
            JsonNode torch = ModelCase.jit(dir, saved).call("forward", false, x).call("forward", true, x).runInPyTorch();
            try (ScriptModule back = Jit.load(saved)) {
                List<Object> studio = engineResults(back, List.of(new Object[] {"forward", x}, new Object[] {"forward", x}), List.of(false, true));
                try {
                    assertSameResults(torch, studio, "traced.pt");
                    assertFalse(((Tensor) studio.get(0)).allclose((Tensor) studio.get(1)), "eval and train differ (batch statistics), so both branches ran");
                } finally {
                    studio.forEach(ValueJson::closeTensors);
                }
            }
        }
    }

    // ---------------------------------------------------------------- graph editor

    private static final String FLATTEN = "aten::flatten.using_ints(Tensor(a) self, int start_dim=0, int end_dim=-1) -> Tensor(a)";

    /** x[N,1,8,8] -> Conv2d(1,4,3,padding=1) -> BatchNorm2d(4) -> ReLU -> MaxPool2d(2) -> flatten -> Linear(64,5). */
    private static GraphDocument cnn() {
        GraphDocument doc = new GraphDocument();
        CommandStack s = new CommandStack(doc);
        Block x = add(s, Blocks.input(doc, "x", "Tensor", 0, 0));
        Block conv = add(s, Blocks.module(doc, "Conv2d", 0, 100));
        s.execute(Commands.setSetting(conv.id(), "in_channels", 1L));
        s.execute(Commands.setSetting(conv.id(), "out_channels", 4L));
        s.execute(Commands.setSetting(conv.id(), "padding", 1L));
        Block bn = add(s, Blocks.module(doc, "BatchNorm2d", 0, 200));
        s.execute(Commands.setSetting(bn.id(), "num_features", 4L));
        Block act = add(s, Blocks.module(doc, "ReLU", 0, 300));
        Block pool = add(s, Blocks.module(doc, "MaxPool2d", 0, 400));
        Block flat = add(s, Blocks.operator(doc, FLATTEN, 0, 500));
        s.execute(Commands.setSetting(flat.id(), "start_dim", 1L));
        Block fc = add(s, Blocks.module(doc, "Linear", 0, 600));
        s.execute(Commands.setSetting(fc.id(), "in_features", 64L));
        s.execute(Commands.setSetting(fc.id(), "out_features", 5L));
        Block out = add(s, Blocks.output(doc, "out", 0, 700));
        connect(s, x, "value", conv, "input");
        connect(s, conv, "output", bn, "input");
        connect(s, bn, "output", act, "input");
        connect(s, act, "output", pool, "input");
        connect(s, pool, "output", flat, "self");
        connect(s, flat, "out", fc, "input");
        connect(s, fc, "output", out, "value");
        return doc;
    }

    private static Block add(CommandStack s, Block b) {
        s.execute(Commands.addBlock(b));
        return b;
    }

    private static void connect(CommandStack s, Block from, String fromPort, Block to, String toPort) {
        s.execute(Commands.connect(new Connection(from.id(), fromPort, to.id(), toPort)));
    }

    @Test
    void aGraphEditorModelWithItsDocument() throws Exception {
        GraphEditorViewModel vm = new GraphEditorViewModel(new GraphDocument(), OperatorCatalog.ofSchemas(List.of(FLATTEN)));
        Path saved = dir.resolve("graph.pt");
        try {
            vm.commands().execute(Commands.replaceAll("load", cnn()));
            assertTrue(vm.save(saved).join(), vm.statusProperty().get());
        } finally {
            vm.dispose();
        }
        try (Tensor x = Tensors.randn(2, 1, 8, 8)) {
            JsonNode torch = ModelCase.jit(dir, saved).extraFile(DocumentJson.ARCHIVE_ENTRY).call("forward", false, x).runInPyTorch();
            try (ScriptModule back = Jit.load(saved)) {
                List<Object> studio = engineResults(back, List.<Object[]>of(new Object[] {"forward", x}), List.of(false));
                try {
                    assertSameResults(torch, studio, "graph.pt");
                } finally {
                    studio.forEach(ValueJson::closeTensors);
                }
            }
            JsonNode document = JSON.readTree(torch.get("extra_files").get(DocumentJson.ARCHIVE_ENTRY).asText());
            assertEquals(JSON.readTree(DocumentJson.write(vm.document())), document, "PyTorch reads the graph document the file carries");
        }
    }

    // ---------------------------------------------------------------- compiled scripts

    static final String SCRIPT = String.join("\n",
            "class Stats(NamedTuple):",
            "    mean: Tensor",
            "    count: int",
            "",
            "def scale(x: Tensor, k: float) -> Tensor:",
            "    return torch.div(x, k) + torch.full([1], 2)",
            "",
            "def stats(x: Tensor) -> Stats:",
            "    return Stats(x.mean(0), x.size(0))",
            "",
            "def table(names: List[str], x: Tensor) -> Dict[str, Tensor]:",
            "    out: Dict[str, Tensor] = {}",
            "    for i, n in enumerate(names):",
            "        out[n] = torch.gelu(x[i], approximate='tanh')",
            "    return out",
            "",
            "def forward(x: Tensor, k: float) -> Tensor:",
            "    return scale(x, k).softmax(-1)",
            "");

    /**
     * Source compiled to a module by the studio (compile to file) and by the CLI ({@code tsstudio compile -o}); the
     * operators used (div, full, gelu approximate) are the ones that raise the archive's version to 10.
     */
    @Test
    void aCompiledScriptFromTheStudioAndTheCli() throws Exception {
        Path studioFile = dir.resolve("studio_script.pt");
        new EngineModelBackend(OperatorCatalog.EMPTY).compileToFile(SCRIPT, studioFile);
        Path source = Files.writeString(dir.resolve("cli_script.py"), SCRIPT);
        Path cliFile = dir.resolve("cli_script.pt");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Cli.run(new String[] {"compile", source.toString(), "-o", cliFile.toString()}, new PrintWriter(out), new PrintWriter(err)), err.toString());

        for (Path saved : List.of(studioFile, cliFile)) {
            try (Tensor x = Tensors.randn(3, 4)) {
                List<String> names = List.of("a", "b");
                JsonNode torch = ModelCase.jit(dir, saved).call("forward", false, x, 0.5).call("stats", false, x).call("table", false, names, x).runInPyTorch();
                assertEquals(MAX_VERSION_1_13, torch.get("version").asInt(), "gelu(approximate=) needs version 10, the most 1.13 reads");
                try (ScriptModule back = Jit.load(saved)) {
                    List<Object> studio = new ArrayList<>();
                    try {
                        studio.add(back.call("forward", x, 0.5));
                        studio.add(back.call("stats", x));
                        studio.add(back.call("table", names, x));
                        assertSameResults(torch, studio, saved.getFileName().toString());
                    } finally {
                        studio.forEach(ValueJson::closeTensors);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- save for mobile

    /** A traced Java module and a compiled script saved for mobile: the lite interpreter and torch.jit.load run them. */
    @Test
    void savedForMobile() throws Exception {
        Path traced = dir.resolve("traced.ptl");
        Path script = dir.resolve("script.ptl");
        try (Tensor example = Tensors.randn(4, 6); ScriptModule m = Tracer.trace(new Classifier(), example)) {
            m.eval();
            m.saveForMobile(traced);
        }
        Path compiled = dir.resolve("compiled.pt");
        new EngineModelBackend(OperatorCatalog.EMPTY).compileToFile(SCRIPT, compiled);
        try (ScriptModule m = Jit.load(compiled)) {
            m.saveForMobile(script);
        }
        try (Tensor x = Tensors.randn(5, 6); Tensor y = Tensors.randn(2, 4)) {
            Map<Path, Object[]> calls = new LinkedHashMap<>();
            calls.put(traced, new Object[] {"forward", x});
            calls.put(script, new Object[] {"forward", y, 2.0});
            for (Map.Entry<Path, Object[]> c : calls.entrySet()) {
                Object[] call = c.getValue();
                Object[] args = java.util.Arrays.copyOfRange(call, 1, call.length);
                JsonNode lite = ModelCase.lite(dir, c.getKey()).call("forward", false, args).runInPyTorch();
                JsonNode full = ModelCase.jit(dir, c.getKey()).call("forward", false, args).runInPyTorch();
                try (ScriptModule back = Jit.load(c.getKey())) {
                    List<Object> studio = engineResults(back, List.<Object[]>of(call), List.of(false));
                    try {
                        assertSameResults(lite, studio, c.getKey().getFileName() + " (lite interpreter)");
                        assertSameResults(full, studio, c.getKey().getFileName() + " (torch.jit.load)");
                    } finally {
                        studio.forEach(ValueJson::closeTensors);
                    }
                }
            }
        }
    }
}
