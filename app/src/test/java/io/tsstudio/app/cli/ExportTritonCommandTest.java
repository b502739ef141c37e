package io.tsstudio.app.cli;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.ScriptModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.tsstudio.app.cli.CliTest.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tsstudio export triton}: the tree it prints, the config it writes, versions, and exit 2 on what Triton cannot serve. */
class ExportTritonCommandTest {
    @TempDir
    Path dir;

    private Path saved(String source) {
        Path file = dir.resolve("net.pt");
        try (ScriptModule m = ModuleAssembly.newModule("Net")) {
            m.define(source);
            Jit.save(m, file);
        }
        return file;
    }

    @Test
    void classifierWithProposedInputsPrintsTheTreeAndAddsVersions() throws IOException {
        String file = CliRunner.fixtures().resolve("pytorch-1.13").resolve("mnasnet0_5_script.pt").toString();
        Path repo = dir.resolve("models");
        CliRunner.Result r = CliRunner.inProcess("export", "triton", file, "--out", repo.toString(), "--max-batch-size", "4",
                "--dynamic-batching", "--instances", "cpu:2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("no --arg given: observing shapes with inputs proposed from the model\n"), r.out());
        assertTrue(r.out().contains("└── mnasnet0_5_script/\n"), r.out());
        assertTrue(r.out().contains("\n    ├── config.pbtxt  ") && r.out().contains("\n    └── 1/\n        └── model.pt  "), r.out());
        String config = Files.readString(repo.resolve("mnasnet0_5_script/config.pbtxt"));
        assertTrue(config.contains("name: \"x\"\n    data_type: TYPE_FP32\n    dims: [ 3, 224, 224 ]"), config);
        assertTrue(config.contains("name: \"OUTPUT__0\"\n    data_type: TYPE_FP32\n    dims: [ 1000 ]"), config);
        assertTrue(config.contains("max_batch_size: 4\n") && config.contains("dynamic_batching { }") && config.contains("kind: KIND_CPU"), config);

        CliRunner.Result again = CliRunner.inProcess("export", "triton", file, "--out", repo.toString(), "--max-batch-size", "4",
                "--arg", "{\"tensor\": {\"shape\": [1, 3, 64, 64], \"fill\": \"ones\"}}");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("2/") && again.out().contains("model.pt  ") , again.out());
        assertTrue(Files.isRegularFile(repo.resolve("mnasnet0_5_script/1/model.pt")));
        assertTrue(Files.isRegularFile(repo.resolve("mnasnet0_5_script/2/model.pt")));
        String config2 = Files.readString(repo.resolve("mnasnet0_5_script/config.pbtxt"));
        assertTrue(config2.startsWith("# Written by TorchScript Studio with version 2") && config2.contains("dims: [ 3, 64, 64 ]"), config2);
        assertTrue(again.out().contains("note: config.pbtxt changes"), again.out());
    }

    @Test
    void dimsWithoutExamplesAndANamedModel() throws IOException {
        Path file = saved("def forward(self, tokens: Tensor) -> Tuple[Tensor, Tensor]:\n    return tokens * 2, tokens.sum(dim=1)\n");
        CliRunner.Result r = CliRunner.inProcess("export", "triton", file.toString(), "--out", dir.resolve("repo").toString(),
                "--name", "doubler", "--max-batch-size", "8", "--dims", "tokens=-1", "--dtype", "tokens=int64", "--intra-op-threads", "2");
        assertEquals(0, r.status(), r.err());
        String config = Files.readString(dir.resolve("repo/doubler/config.pbtxt"));
        assertTrue(config.contains("name: \"tokens\"\n    data_type: TYPE_INT64\n    dims: [ -1 ]"), config);
        assertTrue(config.contains("name: \"OUTPUT__0\"\n    data_type: TYPE_INT64\n    dims: [ -1 ]"), config);
        assertTrue(config.contains("name: \"OUTPUT__1\"\n    data_type: TYPE_INT64\n    dims: [ 1 ]\n    reshape: { shape: [ ] }"), config);
        assertTrue(config.contains("key: \"INTRA_OP_THREAD_COUNT\"\n  value: { string_value: \"2\" }"), config);
    }

    @Test
    void typesTritonCannotServeExitWithStatusTwo() {
        Path list = saved("def forward(self, xs: List[Tensor]) -> Tensor:\n    return xs[0]\n");
        assertUserError(CliRunner.inProcess("export", "triton", list.toString(), "--out", dir.resolve("r").toString()),
                "argument 'xs' of forward is List[Tensor]: a List input cannot be served");
        assertFalse(Files.exists(dir.resolve("r")), "nothing is written for a refused model");
        Path dict = saved("def forward(self, x: Tensor) -> Dict[str, Tensor]:\n    return {'y': x}\n");
        assertUserError(CliRunner.inProcess("export", "triton", dict.toString(), "--out", dir.resolve("r").toString(), "--dims", "x=2"),
                "Dict outputs cannot be served");
    }

    @Test
    void optionMistakesAreUserErrors() {
        Path file = saved("def forward(self, x: Tensor) -> Tensor:\n    return x\n");
        String out = dir.resolve("r").toString();
        assertUserError(CliRunner.inProcess("export", "triton", file.toString(), "--out", out, "--dims", "x=2", "--dynamic-batching"),
                "--dynamic-batching needs --max-batch-size N > 0");
        assertUserError(CliRunner.inProcess("export", "triton", file.toString(), "--out", out, "--dims", "x=2", "--instances", "tpu"),
                "instances 'tpu': expected cpu or gpu");
        assertUserError(CliRunner.inProcess("export", "triton", file.toString(), "--out", out, "--dims", "x=two"),
                "--dims x=two: 'two' is not a whole number");
        assertUserError(CliRunner.inProcess("export", "triton", file.toString(), "--out", out, "--dims", "x=2", "--name", "../up"),
                "model name '../up'");
        assertUserError(CliRunner.inProcess("export", "triton", file.toString()), "--out");
    }
}
