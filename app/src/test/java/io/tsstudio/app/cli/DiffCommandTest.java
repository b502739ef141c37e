package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tsstudio diff}: exit status, the JSON contract of issue 16 (keys exactly), full dotted names. The pair is
 * PyTorch's nested {@code Sequential(Sequential(Linear(1000, 100), ReLU), Linear(100, 10))} and a copy saved here
 * with one weight nudged.
 */
class DiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String original() {
        return CliTest.pytorch("l1000_100_10.script.dat");
    }

    /** The fixture with 0.25 added to {@code 0.0.weight[3][5]}, saved here. */
    private String nudged() {
        Path out = dir.resolve("nudged.pt");
        try (ScriptModule m = Jit.load(Path.of(original()))) {
            Map<String, Tensor> p = m.namedParameters();
            try (NoGrad g = NoGrad.enter(); Tensor row = p.get("0.0.weight").select(0, 3); Tensor cell = row.select(0, 5)) {
                cell.add_(0.25);
            } finally {
                p.values().forEach(Tensor::close);
            }
            Jit.save(m, out);
        }
        return out.toString();
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    /** diff reads --arg as run does (one home, CallArguments): the same checks, with the method's arguments named. */
    @Test
    void argumentsAreCheckedAsRunChecksThem() {
        String linrelu = CliTest.pytorch("linrelu.script.dat");
        CliTest.assertUserError(CliRunner.inProcess("diff", linrelu, linrelu, "--arg", "1", "--arg", "2"),
                "forward takes 1 argument (input: Tensor), but 2 --arg were given");
        CliTest.assertUserError(CliRunner.inProcess("diff", linrelu, linrelu, "--arg", "[1, 2]"),
                "argument 'input': expected Tensor, got the array [1,2]");
        CliTest.assertUserError(CliRunner.inProcess("diff", linrelu, linrelu, "--method", "nope", "--arg", "1"),
                "linrelu.script.dat has no method 'nope' (it has: forward)");
    }

    @Test
    void theSameFileIsEqualWithExitZeroAndNoRunWithoutArguments() throws IOException {
        CliRunner.Result r = CliRunner.inProcess("diff", original(), original(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(List.of("structure", "outputs", "first_divergence", "modules"), keys(j));
        assertEquals(List.of("modules", "parameters"), keys(j.get("structure")));
        List<String> paths = new ArrayList<>();
        for (JsonNode m : j.get("structure").get("modules")) {
            assertEquals(List.of("path", "status", "what"), keys(m));
            assertEquals("equal", m.get("status").asText());
            paths.add(m.get("path").asText());
        }
        assertEquals(List.of("", "0", "0.0", "0.1", "1"), paths);
        List<String> names = new ArrayList<>();
        for (JsonNode p : j.get("structure").get("parameters")) {
            assertEquals(List.of("name", "status", "max_abs_diff"), keys(p));
            assertEquals("equal", p.get("status").asText());
            assertEquals(0.0, p.get("max_abs_diff").asDouble());
            names.add(p.get("name").asText());
        }
        assertEquals(List.of("0.0.weight", "0.0.bias", "1.weight", "1.bias"), names);
        assertTrue(j.get("outputs").isNull());
        assertTrue(j.get("first_divergence").isNull());
        assertEquals(0, j.get("modules").size());
    }

    @Test
    void aNudgedWeightDiffersWithExitOneAndItsFullDottedName() throws IOException {
        CliRunner.Result r = CliRunner.inProcess("diff", original(), nudged(), "--json");
        assertEquals(DiffCommand.DIFFER, r.status(), r.err());
        JsonNode j = JSON.readTree(r.out());
        for (JsonNode p : j.get("structure").get("parameters")) {
            if (p.get("name").asText().equals("0.0.weight")) {
                assertEquals("values", p.get("status").asText());
                assertEquals(0.25, p.get("max_abs_diff").asDouble(), 1e-6);
            } else {
                assertEquals("equal", p.get("status").asText(), p::toString);
            }
        }
        CliRunner.Result text = CliRunner.inProcess("diff", original(), nudged());
        assertEquals(1, text.status(), text.err());
        assertTrue(text.out().contains("values   0.0.weight  max abs diff 0.250000"), text.out());
        assertTrue(text.out().endsWith("the models differ\n"), text.out());
    }

    @Test
    void withInputsTheNudgedLinearIsTheFirstDivergenceAndEachModuleHasItsDifference() throws IOException {
        String ones = CliTest.ones(1000);
        CliRunner.Result same = CliRunner.inProcess("diff", original(), original(), "--arg", ones, "--json");
        assertEquals(0, same.status(), same.err());
        JsonNode s = JSON.readTree(same.out());
        assertEquals(List.of("equal", "max_abs_diff"), keys(s.get("outputs")));
        assertTrue(s.get("outputs").get("equal").asBoolean());
        assertEquals(0.0, s.get("outputs").get("max_abs_diff").asDouble());
        assertTrue(s.get("first_divergence").isNull());

        CliRunner.Result r = CliRunner.inProcess("diff", original(), nudged(), "--arg", ones, "--json");
        assertEquals(1, r.status(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(List.of("structure", "outputs", "first_divergence", "modules"), keys(j));
        assertEquals(false, j.get("outputs").get("equal").asBoolean());
        assertTrue(j.get("outputs").get("max_abs_diff").asDouble() > 0);
        JsonNode first = j.get("first_divergence");
        assertEquals(List.of("module", "max_abs_diff"), keys(first));
        assertEquals("0.0", first.get("module").asText());
        // input ones: output 3 of 0.0 moves by exactly 0.25 (the nudge times 1)
        assertEquals(0.25, first.get("max_abs_diff").asDouble(), 1e-5);
        List<String> paths = new ArrayList<>();
        for (JsonNode m : j.get("modules")) {
            assertEquals(List.of("path", "max_abs_diff"), keys(m));
            paths.add(m.get("path").asText());
        }
        assertEquals(List.of("", "0", "0.0", "0.1", "1"), paths);

        // a tolerance wider than the nudge's effect everywhere makes them equivalent on this input
        CliRunner.Result loose = CliRunner.inProcess("diff", original(), nudged(), "--arg", ones, "--atol", "1e6", "--json");
        assertEquals(0, loose.status(), loose.err());
        assertTrue(JSON.readTree(loose.out()).get("first_divergence").isNull());

        CliRunner.Result text = CliRunner.inProcess("diff", original(), nudged(), "--arg", ones);
        assertEquals(1, text.status(), text.err());
        assertTrue(text.out().contains("first divergence: 0.0  max abs diff 0.250000"), text.out());
    }

    @Test
    void userErrorsExitTwoWithAMessage() {
        CliRunner.Result missing = CliRunner.inProcess("diff", original(), dir.resolve("nope.pt").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such file: " + dir.resolve("nope.pt")), missing.err());
        CliRunner.Result tol = CliRunner.inProcess("diff", original(), original(), "--rtol", "-1");
        assertEquals(2, tol.status());
        assertTrue(tol.err().contains("--rtol/--atol: tolerances must be finite and 0 or more (rtol -1.0, atol 1.0E-8)"), tol.err());
        CliRunner.Result method = CliRunner.inProcess("diff", original(), original(), "--method", "nope", "--arg", "1");
        assertEquals(2, method.status());
        assertTrue(method.err().contains("has no method 'nope' (it has: forward)"), method.err());
        CliRunner.Result one = CliRunner.inProcess("diff", original());
        assertEquals(2, one.status());
        assertTrue(one.err().contains("Missing required parameter: 'B'"), one.err());
    }
}
