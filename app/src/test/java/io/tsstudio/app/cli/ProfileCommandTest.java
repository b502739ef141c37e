package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tsstudio profile}: the JSON contract of issue 15, the text tables, and run's exit codes. */
class ProfileCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String decoder() {
        return CliRunner.fixtures().resolve("pytorch-1.13").resolve("greedy_decoder_script.pt").toString();
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    @Test
    void jsonHasExactlyTheContractsKeysAndCountsEveryCallOfACellInALoop() throws IOException {
        CliRunner.Result r = CliRunner.inProcess("profile", decoder(), "--arg", "3", "--arg", "6", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(Set.of("method", "output", "total_ms", "modules", "nodes"), keys(root));
        assertEquals("forward", root.get("method").asText());
        assertTrue(root.get("total_ms").asDouble() > 0);
        // output has run --json's form
        JsonNode run = JSON.readTree(CliRunner.inProcess("run", decoder(), "--arg", "3", "--arg", "6", "--json").out());
        assertEquals(run.get("output"), root.get("output"));

        JsonNode modules = root.get("modules");
        assertEquals("", modules.get(0).get("path").asText(), "the root first, as \"\"");
        for (JsonNode m : modules) {
            assertEquals(Set.of("path", "class", "calls", "total_ms", "self_ms", "outputs"), keys(m));
            assertTrue(m.get("self_ms").asDouble() <= m.get("total_ms").asDouble() + 1e-6, m.toString());
            for (JsonNode o : m.get("outputs")) assertEquals(Set.of("dtype", "shape"), keys(o));
        }
        // PyTorch's forward hooks on the same call: emb, cell and out each called 6 times
        JsonNode hooks = JSON.readTree(CliRunner.fixtures().resolve("pytorch-1.13").resolve("cases.json").toFile())
                .get("greedy_decoder_script").get("modules");
        for (Iterator<String> it = hooks.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            JsonNode m = find(modules, path);
            assertEquals(hooks.get(path).get("calls").asLong(), m.get("calls").asLong(), path);
            assertEquals(hooks.get(path).get("shapes").get(0), m.get("outputs").get(0).get("shape"), path);
            assertEquals("float32", m.get("outputs").get(0).get("dtype").asText(), path);
        }
        JsonNode nodes = root.get("nodes");
        assertTrue(nodes.size() > 10);
        for (JsonNode n : nodes) {
            assertEquals(Set.of("id", "kind", "module", "calls", "total_ms", "outputs"), keys(n));
            assertTrue(n.get("id").asText().matches("n\\d+"), n.toString());
        }
        JsonNode loop = null;
        for (JsonNode n : nodes) if (n.get("kind").asText().equals("prim::Loop")) loop = n;
        assertTrue(loop != null && loop.get("calls").asLong() == 1, "the decoder's while loop runs once: " + loop);
    }

    private static JsonNode find(JsonNode modules, String path) {
        List<String> seen = new ArrayList<>();
        for (JsonNode m : modules) {
            if (m.get("path").asText().equals(path)) return m;
            seen.add(m.get("path").asText());
        }
        throw new AssertionError("module '" + path + "' not in " + seen);
    }

    @Test
    void textListsTheTopModulesAndOperatorsBySelfTime() {
        String mnasnet = CliRunner.fixtures().resolve("pytorch-1.13").resolve("mnasnet0_5_script.pt").toString();
        CliRunner.Result r = CliRunner.inProcess("profile", mnasnet, "--arg", "{\"tensor\": {\"shape\": [1, 3, 64, 64], \"fill\": \"ones\"}}",
                "--top", "5");
        assertEquals(0, r.status(), r.err());
        String out = r.out();
        assertTrue(out.contains("modules by self time (top 5 of "), out);
        assertTrue(out.contains("operators by self time (top 5 of "), out);
        assertTrue(out.contains("aten::_convolution") || out.contains("aten::conv2d"), "convolutions are the mnasnet's main cost:\n" + out);
        String modulesTable = out.substring(out.indexOf("modules by self time"), out.indexOf("operators by self time"));
        // header + 5 rows
        assertEquals(7, modulesTable.strip().split("\n").length, modulesTable);
        assertTrue(modulesTable.contains("[1, "), "module outputs show their shapes:\n" + modulesTable);
    }

    @Test
    void mistakesExitAsRunsDo() {
        CliTest.assertUserError(CliRunner.inProcess("profile", "/nonexistent/model.pt"), "model.pt");
        CliTest.assertUserError(CliRunner.inProcess("profile", decoder(), "--arg", "3", "--arg", "6", "--top", "0"), "--top must be 1 or more");
        CliTest.assertUserError(CliRunner.inProcess("profile", decoder(), "--method", "nope"), "has no method 'nope'");
        CliTest.assertUserError(CliRunner.inProcess("profile", decoder(), "--arg", "\"three\"", "--arg", "6"), "argument 'start'");
    }
}
