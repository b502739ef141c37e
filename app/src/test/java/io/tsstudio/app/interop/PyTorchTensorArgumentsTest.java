package io.tsstudio.app.interop;

import io.tsstudio.testkit.SharedFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.app.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tensors that PyTorch's torch.save and NumPy's save wrote are run arguments of the CLI. */
class PyTorchTensorArgumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void torchSaveAndNumpyFilesAsTensorArguments() throws Exception {
        PyTorch.script("save_tensors.py", dir.toString());
        Files.writeString(dir.resolve("x.json"), "{\"tensor\": {\"file\": \"x.pt\"}}");
        String model = SharedFixtures.pytorch("tuple_out.dat").toString();
        Run r = cli("run", model, "--arg", "@" + dir.resolve("x.json"),
                "--arg", "{\"tensor\": {\"file\": \"" + dir.resolve("y.npy") + "\"}, \"dtype\": \"float32\"}", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode tuple = JSON.readTree(r.out()).get("output").get("tuple");
        double[] plus = SameValues.doubles(flat(tuple.get(0).get("tensor").get("values")));
        double[] minus = SameValues.doubles(flat(tuple.get(1).get("tensor").get("values")));
        double[] expectedPlus = new double[12];
        double[] expectedMinus = new double[12];
        for (int i = 0; i < 12; i++) {
            double x = i * 0.5;
            double y = -1.0 + 2.0 * i / 11;
            expectedPlus[i] = x + y;
            expectedMinus[i] = x - y;
        }
        SameValues.assertClose(expectedPlus, plus, "x + y");
        SameValues.assertClose(expectedMinus, minus, "x - y");
        assertEquals("float32", tuple.get(0).get("tensor").get("dtype").asText());

        Run pair = cli("run", model, "--arg", "{\"tensor\": {\"file\": \"" + dir.resolve("pair.pt") + "\"}}", "--arg", "{\"tensor\": [1]}");
        assertEquals(2, pair.status(), pair.err());
        assertTrue(pair.err().contains(dir.resolve("pair.pt") + " holds a tuple, not one tensor"), pair.err());
    }

    private static JsonNode flat(JsonNode nested) {
        var a = JSON.createArrayNode();
        nested.forEach(row -> row.forEach(a::add));
        return a;
    }
}
