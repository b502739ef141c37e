package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line called in-process, with its output captured; fixtures from ../shared/fixtures. */
class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static String pytorch(String name) {
        return FixtureOutputsContract.pytorch(name);
    }

    static CliRunner.Result cli(String... args) {
        return CliRunner.inProcess(args);
    }

    static JsonNode runJson(String... args) throws IOException {
        return FixtureOutputsContract.runJson(CliRunner::inProcess, args);
    }

    static String ones(long n) {
        return FixtureOutputsContract.ones(n);
    }

    static void assertClose(double[] expected, JsonNode values) {
        FixtureOutputsContract.assertClose(expected, values);
    }

    @Test
    void humanReadableRun() {
        CliRunner.Result r = cli("run", pytorch("linrelu.script.dat"), "--arg", ones(10));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("forward(input: Tensor) -> Tensor on cpu\nTensor float32 [6] on cpu\n"), r.out());
        assertTrue(r.out().contains("0.313458"), r.out());
        assertTrue(r.out().contains("time "), r.out());
    }

    @Test
    void runWithoutArgumentsUsesAndPrintsTheProposal() throws IOException {
        CliRunner.Result r = cli("run", CliRunner.fixtures().resolve("pytorch-1.13").resolve("mnasnet0_5_script.pt").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("no --arg given: running with inputs proposed from the model\n"
                + "  --arg '{\"tensor\":{\"shape\":[1,3,224,224],\"fill\":\"ones\"},\"dtype\":\"float32\"}'   # x: conv2d in_channels=3 (layers.0)"), r.out());
        assertTrue(r.out().contains("Tensor float32 [1, 1000]"), r.out());
        // --json keeps stdout pure JSON: the proposal goes to stderr
        CliRunner.Result j = cli("run", pytorch("linrelu.script.dat"), "--json");
        assertEquals(0, j.status(), j.err());
        assertTrue(j.err().contains("# input: linear in_features=10"), j.err());
        assertEquals(6, new com.fasterxml.jackson.databind.ObjectMapper().readTree(j.out()).get("output").get("tensor").get("shape").get(1).asInt(), j.out());
    }

    // ---------------------------------------------------------------- argument errors

    @Test
    void argumentMistakesAreUserErrors() {
        String linrelu = pytorch("linrelu.script.dat");
        assertUserError(cli("run", pytorch("exported.method.dat"), "--method", "add_scalar", "--arg", ones(10)), "needs argument 'i' (int)");
        assertUserError(cli("run", linrelu, "--arg", "[1, 2]"), "argument 'input': expected Tensor, got the array [1,2]");
        assertUserError(cli("run", linrelu, "--arg", ones(10), "--arg", "1"), "takes 1 argument");
        assertUserError(cli("run", linrelu, "--arg", "{oops"), "not valid JSON");
        assertUserError(cli("run", linrelu, "--method", "nope", "--arg", ones(10)), "has no method 'nope' (it has: forward");
        assertUserError(cli("run", linrelu, "--device", "tpu:x"), "bad device");
        assertUserError(cli("run", linrelu, "--iterations", "0", "--arg", ones(10)), "--iterations must be 1 or more");
        assertUserError(cli("run", linrelu, "--warmup", "many"), "many");
        assertUserError(cli("run", pytorch("exported.method.dat"), "--method", "add_scalar", "--arg", ones(10), "--arg", "1.5"),
                "argument 'i': expected int, got the float 1.5");
        assertUserError(cli("run", "no/such/file.pt"), "no such file: no/such/file.pt");
        assertUserError(cli("frobnicate"), "frobnicate");
    }

    @Test
    void argumentFileMistakesAreUserErrorsNamingTheFile(@TempDir Path dir) throws IOException {
        String linrelu = pytorch("linrelu.script.dat");
        Path missing = dir.resolve("missing.json");
        assertUserError(cli("run", linrelu, "--arg", "@" + missing), "argument 'input': no such file: " + missing);
        assertUserError(cli("run", linrelu, "--arg", "@"), "argument 'input': '@' must be followed by a JSON file name");
        assertUserError(cli("run", linrelu, "--arg", "@" + dir), "argument 'input': cannot read " + dir + ": it is a directory");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"tensor\": [1, 2");
        assertUserError(cli("run", linrelu, "--arg", "@" + broken), "argument 'input' (from " + broken + "): not valid JSON");
        Path noNpy = Files.writeString(dir.resolve("no-npy.json"), "{\"tensor\": {\"file\": \"absent.npy\"}}");
        assertUserError(cli("run", linrelu, "--arg", "@" + noNpy), "argument 'input' (from " + noNpy + "): no such tensor file: " + dir.resolve("absent.npy"));
        Path notTensor = Files.writeString(dir.resolve("x.npy"), "not numpy");
        assertUserError(cli("run", linrelu, "--arg", "{\"tensor\": {\"file\": \"" + notTensor + "\"}}"),
                "argument 'input': " + notTensor + " is neither a .npy file nor a .pt tensor from torch.save");
    }

    static void assertUserError(CliRunner.Result r, String expected) {
        assertEquals(2, r.status(), "status; stderr: " + r.err());
        assertTrue(r.err().contains(expected), "stderr should contain <" + expected + "> but was: " + r.err());
        assertTrue(r.err().startsWith("tsstudio: "), r.err());
    }

    // ---------------------------------------------------------------- files that are not TorchScript

    @Test
    void inspectListsTheTensorsOfTorchSaveArchives() throws IOException {
        for (String name : new String[] {"state_dict.pth", "ordered_dict.pt"}) {
            String file = CliRunner.fixtures().resolve("not-torchscript").resolve(name).toString();
            CliRunner.Result r = cli("inspect", file, "--json");
            assertEquals(0, r.status(), r.err());
            JsonNode j = JSON.readTree(r.out());
            assertEquals(Set.of("file", "format", "tensors"), keys(j));
            assertEquals("torch.save", j.get("format").asText());
            assertEquals(file, j.get("file").asText());
            for (JsonNode t : j.get("tensors")) assertEquals(Set.of("name", "shape", "dtype"), keys(t));
        }
        String stateDict = CliRunner.fixtures().resolve("not-torchscript/state_dict.pth").toString();
        JsonNode j = JSON.readTree(cli("inspect", stateDict, "--json").out());
        assertEquals(2, j.get("tensors").size());
    }

    @Test
    void inspectOfUnknownFilesSaysWhatTheyAre() throws IOException {
        String file = CliRunner.fixtures().resolve("not-torchscript/bug510.dat").toString();
        CliRunner.Result r = cli("inspect", file, "--json");
        assertUserError(r, "not a zip archive");
        assertEquals("unknown", JSON.readTree(r.out()).get("format").asText());
    }

    // ---------------------------------------------------------------- inspect

    @Test
    void inspectJsonHasExactlyTheContractsKeys() throws IOException {
        CliRunner.Result r = cli("inspect", pytorch("l1000_100_10.script.dat"), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(List.of("file", "format", "class", "methods", "parameters", "buffers", "attributes", "submodules", "parameter_count"), fieldNames(j));
        assertEquals("torchscript", j.get("format").asText());
        assertTrue(j.get("class").asText().endsWith("Sequential"));
        for (JsonNode m : j.get("methods")) assertEquals(Set.of("name", "schema"), keys(m));
        assertTrue(j.get("methods").toString().contains("\"forward\""));
        for (JsonNode p : j.get("parameters")) assertEquals(Set.of("name", "shape", "dtype", "requires_grad"), keys(p));
        for (JsonNode a : j.get("attributes")) assertEquals(Set.of("name", "type"), keys(a));
        for (JsonNode s : j.get("submodules")) assertEquals(Set.of("name", "class"), keys(s));
        // Linear(1000 -> 100) + Linear(100 -> 10)
        assertEquals(1000 * 100 + 100 + 100 * 10 + 10, j.get("parameter_count").asLong());
        long summed = 0;
        for (JsonNode p : j.get("parameters")) {
            long n = 1;
            for (JsonNode d : p.get("shape")) n *= d.asLong();
            summed += n;
        }
        assertEquals(j.get("parameter_count").asLong(), summed);
        assertTrue(j.get("submodules").size() >= 2, j.get("submodules").toString());
        assertTrue(j.get("parameters").toString().contains("\"0."), "dotted parameter names: " + j.get("parameters"));
    }

    @Test
    void inspectTextIsAnAlignedReport() {
        CliRunner.Result r = cli("inspect", pytorch("linrelu.script.dat"));
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertTrue(out.contains("TorchScript archive"), out);
        assertTrue(out.contains("Methods\n  forward(input: Tensor) -> Tensor"), out);
        assertTrue(out.contains("0.weight  [6, 10]  float32  yes"), out);
        assertTrue(out.contains("66 in 2 tensors"), out);
    }

    // ---------------------------------------------------------------- compile

    @Test
    void compileErrorsPrintSourceLineAndColumn(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("bad.py");
        Files.writeString(src, "def forward(x: Tensor):\n    y = x + 1\n    return y + undefined_name\n");
        CliRunner.Result r = cli("compile", src.toString());
        assertEquals(2, r.status(), r.err());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith(src + ":3:16: "), first);
        assertTrue(first.contains("undefined_name"), first);
    }

    @Test
    void anErrorAtTheEndOfInputIsReportedWhereTheStudioEditorMarksIt(@TempDir Path dir) throws IOException {
        io.tsstudio.ui.editor.SourceChecker editor = new io.tsstudio.ui.session.EngineModelBackend(io.tsstudio.ui.editor.OperatorCatalog.EMPTY).scriptChecker();
        // with and without a final newline: on the empty line after the code, or just after the last character
        for (String[] c : new String[][] {{"def f(x: int):\n    return x +\n", "3:1"}, {"def f(x: int):\n    return x +", "2:15"}}) {
            Path src = dir.resolve("eof.py");
            Files.writeString(src, c[0]);
            CliRunner.Result r = cli("compile", src.toString());
            assertEquals(2, r.status(), r.err());
            String first = r.err().lines().findFirst().orElse("");
            assertTrue(first.startsWith(src + ":" + c[1] + ": "), first);
            assertEquals(c[1], editor.check(c[0]).get(0).location(), "the studio's editor marks the same place");
        }
    }

    @Test
    void compileWritesAModuleThatRuns(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("my_model.py");
        Files.writeString(src, "def helper(x: Tensor) -> Tensor:\n    return x * 2\n\ndef forward(x: Tensor, k: int) -> Tensor:\n    return helper(x) + k\n");
        Path out = dir.resolve("out.pt");
        CliRunner.Result r = cli("compile", src.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.size(out) > 0);
        assertTrue(r.out().contains("forward"), r.out());
        JsonNode run = runJson(out.toString(), "--arg", "{\"tensor\": [1, 2]}", "--arg", "3");
        assertClose(new double[] {5, 7}, run.get("output").get("tensor").get("values"));
        JsonNode inspect = JSON.readTree(cli("inspect", out.toString(), "--json").out());
        assertTrue(inspect.get("methods").toString().contains("helper"), inspect.toString());

        CliRunner.Result listing = cli("compile", src.toString());
        assertEquals(0, listing.status(), listing.err());
        assertTrue(listing.out().contains("2 functions compiled"), listing.out());
    }

    static final String EVERY_TYPE = String.join("\n",
            "class Pair(NamedTuple):",
            "    a: Tensor",
            "    b: int",
            "",
            "class Counter:",
            "    def __init__(self, start: int):",
            "        self.count = start",
            "",
            "def containers(names: List[str], opts: Dict[str, int], ids: Dict[int, str], maybe: Optional[int]) -> Tuple[List[str], Dict[str, int], Dict[int, str], Optional[int], bool]:",
            "    return names, opts, ids, maybe, maybe is None",
            "",
            "def swap(p: Pair) -> Pair:",
            "    return Pair(p.a * 2, p.b + 1)",
            "",
            "def counter(start: int) -> Counter:",
            "    return Counter(start)",
            "",
            "def nested(xs: List[List[int]], t: Tuple[int, str], f: float, flag: bool) -> Tuple[List[List[int]], Tuple[int, str], float, bool]:",
            "    return xs, t, f * 2.0, not flag",
            "",
            "def forward(x: Tensor) -> Tensor:",
            "    return x",
            "");

    @Test
    void everyValueTypeThroughRunJson(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("types.py");
        Files.writeString(src, EVERY_TYPE);
        Path pt = dir.resolve("types.pt");
        CliRunner.Result compiled = cli("compile", src.toString(), "-o", pt.toString());
        assertEquals(0, compiled.status(), compiled.err());
        String file = pt.toString();

        JsonNode c = runJson(file, "--method", "containers", "--arg", "[\"p\", \"q\"]", "--arg", "{\"a\": 1, \"b\": 2}",
                "--arg", "{\"3\": \"c\"}", "--arg", "null").get("output");
        assertEquals(JSON.readTree("{\"tuple\": [[\"p\", \"q\"], {\"dict\": [[\"a\", 1], [\"b\", 2]]}, {\"dict\": [[3, \"c\"]]}, null, true]}"), c);
        JsonNode c2 = runJson(file, "--method", "containers", "--arg", "[]", "--arg", "{\"dict\": []}",
                "--arg", "{\"dict\": [[1, \"x\"]]}", "--arg", "4").get("output");
        assertEquals(JSON.readTree("{\"tuple\": [[], {\"dict\": []}, {\"dict\": [[1, \"x\"]]}, 4, false]}"), c2);

        JsonNode swapped = runJson(file, "--method", "swap", "--arg", "{\"a\": {\"tensor\": [1, 2]}, \"b\": 5}").get("output");
        assertEquals(JSON.readTree("[\"a\", \"b\"]"), swapped.get("names"));
        assertEquals("[2.0,4.0]", swapped.get("tuple").get(0).get("tensor").get("values").toString());
        assertEquals(6, swapped.get("tuple").get(1).asInt());
        JsonNode reordered = runJson(file, "--method", "swap", "--arg", "{\"b\": 5, \"a\": {\"tensor\": [1, 2]}}").get("output");
        assertEquals(swapped, reordered);
        JsonNode positional = runJson(file, "--method", "swap", "--arg", "[{\"tensor\": [1]}, 0]").get("output");
        assertEquals(1, positional.get("tuple").get(1).asInt());

        JsonNode object = runJson(file, "--method", "counter", "--arg", "3").get("output");
        assertEquals(Set.of("class", "attributes"), keys(object.get("object")));
        assertTrue(object.get("object").get("class").asText().endsWith("Counter"), object.toString());
        assertEquals(3, object.get("object").get("attributes").get("count").asInt());

        JsonNode n = runJson(file, "--method", "nested", "--arg", "[[1, 2], []]", "--arg", "[7, \"s\"]", "--arg", "1", "--arg", "false").get("output");
        assertEquals(JSON.readTree("{\"tuple\": [[[1, 2], []], {\"tuple\": [7, \"s\"]}, 2.0, true]}"), n);

        assertUserError(cli("run", file, "--method", "nested", "--arg", "[[1, 2.5]]", "--arg", "[7, \"s\"]", "--arg", "1", "--arg", "false"),
                "argument 'xs'[0][1]: expected int, got the float 2.5");
        assertUserError(cli("run", file, "--method", "swap", "--arg", "{\"a\": {\"tensor\": [1]}, \"c\": 1}"), "has no field 'c'");
        assertUserError(cli("run", file, "--method", "swap", "--arg", "{\"a\": {\"tensor\": [1]}}"), "field 'b'");
    }

    // ---------------------------------------------------------------- graph

    @Test
    void graphFormats() throws IOException {
        String file = pytorch("linrelu.script.dat");
        CliRunner.Result json = cli("graph", file, "--format", "json");
        assertEquals(0, json.status(), json.err());
        JsonNode g = JSON.readTree(json.out());
        assertEquals("forward", g.get("method").asText());
        assertEquals("0", g.get("nodes").get(2).get("call").get("path").asText());

        CliRunner.Result dot = cli("graph", file, "--format", "dot");
        assertEquals(0, dot.status(), dot.err());
        assertTrue(dot.out().startsWith("digraph "), dot.out());

        CliRunner.Result text = cli("graph", file);
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("prim::CallMethod[name=\"forward\"]"), text.out());

        CliRunner.Result svg = cli("graph", pytorch("l1000_100_10.script.dat"), "--format", "svg", "--depth", "1");
        assertEquals(0, svg.status(), svg.err());
        assertTrue(svg.out().contains("<svg") && svg.out().strip().endsWith("</svg>"), svg.out());
        assertTrue(svg.out().contains("Linear"), "the opened submodule's call shows: " + svg.out());
        assertUserError(cli("graph", file, "--format", "svg", "--depth", "-1"), "--depth must be 0 or more");
        assertUserError(cli("graph", file, "--format", "png"), "png");
        assertUserError(cli("graph", file, "--method", "nope"), "has no method 'nope'");
    }

    @Test
    void helpAndVersion() {
        CliRunner.Result help = cli("--help");
        assertEquals(0, help.status());
        for (String c : new String[] {"inspect", "run", "compile", "graph"}) assertTrue(help.out().contains(c), help.out());
        CliRunner.Result version = cli("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().contains("LibTorch 2.10"), version.out());
        assertEquals(0, cli("help", "run").status());
    }

    static Set<String> keys(JsonNode o) {
        return FixtureOutputsContract.keys(o);
    }

    static List<String> fieldNames(JsonNode o) {
        return FixtureOutputsContract.fieldNames(o);
    }
}
