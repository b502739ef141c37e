package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** torchvision's operators, models needing a missing operator, and --load-library through the command line. */
class CliOperatorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path tvops() {
        return CliRunner.fixtures().resolve("torchvision-ops");
    }

    static String myOpsFoo() {
        return CliRunner.repoRoot().resolve("fixtures/missing-ops/my_ops_foo.pt").toString();
    }

    private static void flatten(JsonNode n, List<Double> out) {
        if (n.isArray()) for (JsonNode x : n) flatten(x, out);
        else out.add(n.asDouble());
    }

    @Test
    void everyTorchvisionOpsMethodGivesPyTorchsValues() throws IOException {
        JsonNode cases = JSON.readTree(tvops().resolve("tvops.expected.json").toFile()).get("cases");
        for (Map.Entry<String, JsonNode> c : cases.properties()) {
            JsonNode want = c.getValue();
            List<String> args = new ArrayList<>(List.of("run", tvops().resolve("tvops.script.pt").toString(), "--method", want.get("method").asText(), "--json"));
            for (JsonNode a : want.get("args")) {
                args.add("--arg");
                args.add(a.toString());
            }
            CliRunner.Result r = CliRunner.inProcess(args.toArray(String[]::new));
            assertEquals(0, r.status(), r.err());
            JsonNode t = JSON.readTree(r.out()).get("output").get("tensor");
            assertEquals(want.get("shape"), t.get("shape"), want.get("method").asText());
            assertEquals(want.get("dtype").asText(), t.get("dtype").asText());
            List<Double> got = new ArrayList<>();
            flatten(t.get("values"), got);
            for (int i = 0; i < want.get("values").size(); i++) {
                assertEquals(want.get("values").get(i).asDouble(), got.get(i), 1.5e-3, want.get("method").asText() + " value " + i);
            }
        }
    }

    @Test
    void inspectShowsAModelThatNeedsAMissingOperator() {
        CliRunner.Result r = CliRunner.inProcess("inspect", myOpsFoo());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("needs operator `my_ops::foo` (from library my_ops)"), r.out());
        assertTrue(r.out().contains("head.proj.weight"), r.out());
        assertTrue(r.out().contains("head.scale"), r.out());
        assertTrue(r.out().contains("__torch__.torch.nn.modules.linear.Linear"), r.out());
    }

    @Test
    void inspectJsonListsTheNeededOperators() throws IOException {
        CliRunner.Result r = CliRunner.inProcess("inspect", myOpsFoo(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode needs = JSON.readTree(r.out()).get("needs_operators");
        assertEquals("my_ops::foo", needs.get(0).get("operator").asText());
        assertEquals("my_ops", needs.get(0).get("library").asText());
    }

    @Test
    void runAndGraphNameTheMissingOperator() {
        for (String[] args : List.of(new String[] {"run", myOpsFoo(), "--arg", "{\"tensor\": [[1, 2, 3, 4]]}"}, new String[] {"graph", myOpsFoo()})) {
            CliRunner.Result r = CliRunner.inProcess(args);
            assertEquals(2, r.status(), args[0] + ": " + r.out());
            assertTrue(r.err().contains("needs operator `my_ops::foo` (from library my_ops)"), args[0] + ": " + r.err());
        }
    }

    @Test
    void loadLibraryWithAMissingFileIsAUserError() {
        CliRunner.Result r = CliRunner.inProcess("run", myOpsFoo(), "--load-library", "no/such/libmy_ops.so");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--load-library: no such file: no/such/libmy_ops.so"), r.err());
    }
}
