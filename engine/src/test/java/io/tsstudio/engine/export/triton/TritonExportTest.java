package io.tsstudio.engine.export.triton;

import io.tsstudio.engine.Tensors;
import io.tsstudio.testkit.SharedFixtures;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.Fixtures;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tsstudio.engine.export.triton.TritonConfigSchema.field;
import static io.tsstudio.engine.export.triton.TritonConfigSchema.ios;
import static io.tsstudio.engine.export.triton.TritonConfigSchema.messages;
import static io.tsstudio.engine.export.triton.TritonConfigSchema.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Triton export: every config.pbtxt written here is parsed strictly with Triton's own model_config.proto, and the
 * names, dtypes and dims it declares are the ones the model takes and returns.
 */
class TritonExportTest {
    @TempDir
    Path repo;

    private static ScriptModule module(String source) {
        ScriptModule m = ModuleAssembly.newModule("Net");
        m.define(source);
        return m;
    }

    private DynamicMessage writtenConfig(TritonExportResult r) throws Exception {
        return parse(Files.readString(r.plan().configFile()));
    }

    @Test
    void classifierFromTorchvisionWithBatchLeftOutOfDims() throws Exception {
        Path file = SharedFixtures.root().resolve("pytorch-1.13").resolve("mnasnet0_5_script.pt");
        try (ScriptModule m = Jit.load(file); Tensor x = Tensors.rand(1, 3, 64, 64)) {
            m.eval();
            TritonExportResult r = TritonExport.export(m, TritonExportRequest.of(repo, "mnasnet").withMaxBatchSize(8)
                    .withExampleInputs(List.of(x)));
            DynamicMessage c = writtenConfig(r);
            assertEquals("mnasnet", field(c, "name"));
            assertEquals("pytorch_libtorch", field(c, "platform"));
            assertEquals(8, field(c, "max_batch_size"));
            String arg = m.method("forward").arguments().get(0).name();
            assertEquals(List.of(arg + " TYPE_FP32 [3, 64, 64]"), ios(c, "input"));
            assertEquals(List.of("OUTPUT__0 TYPE_FP32 [1000]"), ios(c, "output"));
            assertEquals(repo.resolve("mnasnet/1/model.pt"), r.plan().modelFile());
            // the exported file is the same model
            try (ScriptModule back = Jit.load(r.plan().modelFile()); NoGrad g = NoGrad.enter();
                 Tensor expected = (Tensor) m.forward(x); Tensor actual = (Tensor) back.forward(x)) {
                assertArrayEquals(expected.toFloatArray(), actual.toFloatArray(), 1e-5f);
            }
            String tree = r.tree();
            assertTrue(tree.contains("config.pbtxt") && tree.contains("1/") && tree.contains("model.pt"), tree);
        }
    }

    @Test
    void twoInputsAreNamedByForwardsArgumentsWithTheirOwnDtypes() throws Exception {
        try (ScriptModule m = module("def forward(self, tokens: Tensor, mask: Tensor) -> Tensor:\n"
                + "    return tokens.float() * mask\n");
             Tensor tokens = Tensors.of(new long[]{1, 2, 3, 4, 5, 6}, 2, 3); Tensor mask = Tensors.ones(2, 3)) {
            TritonExportResult r = TritonExport.export(m, TritonExportRequest.of(repo, "two").withExampleInputs(List.of(tokens, mask)));
            DynamicMessage c = writtenConfig(r);
            assertEquals(0, field(c, "max_batch_size"));
            assertEquals(List.of("tokens TYPE_INT64 [2, 3]", "mask TYPE_FP32 [2, 3]"), ios(c, "input"));
            assertEquals(List.of("OUTPUT__0 TYPE_FP32 [2, 3]"), ios(c, "output"));
            try (ScriptModule back = Jit.load(r.plan().modelFile());
                 Tensor expected = (Tensor) m.forward(tokens, mask); Tensor actual = (Tensor) back.forward(tokens, mask)) {
                assertArrayEquals(expected.toFloatArray(), actual.toFloatArray());
            }
        }
    }

    @Test
    void tupleOutputsMapToOutputIndicesInOrder() throws Exception {
        try (ScriptModule m = module("def forward(self, x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:\n"
                + "    return x * 2.0, torch.argmax(x, dim=1), x.sum(dim=1) > 0\n");
             Tensor x = Tensors.randn(4, 3)) {
            TritonExportResult r = TritonExport.export(m, TritonExportRequest.of(repo, "tuple").withMaxBatchSize(4)
                    .withExampleInputs(List.of(x)));
            DynamicMessage c = writtenConfig(r);
            assertEquals(List.of("x TYPE_FP32 [3]"), ios(c, "input"));
            // a per-item scalar is served as [1] and reshaped to [] for the model, as Triton wants at least one dim
            assertEquals(List.of("OUTPUT__0 TYPE_FP32 [3]", "OUTPUT__1 TYPE_INT64 [1]", "OUTPUT__2 TYPE_BOOL [1]"), ios(c, "output"));
            assertFalse(messages(c, "output").get(0).hasField(messages(c, "output").get(0).getDescriptorForType().findFieldByName("reshape")));
            DynamicMessage out1 = messages(c, "output").get(1);
            assertEquals(List.of(), field((DynamicMessage) field(out1, "reshape"), "shape"));
            try (ScriptModule back = Jit.load(r.plan().modelFile())) {
                JitTuple expected = (JitTuple) m.forward(x);
                JitTuple actual = (JitTuple) back.forward(x);
                for (int i = 0; i < 3; i++) {
                    try (Tensor e = (Tensor) expected.get(i); Tensor a = (Tensor) actual.get(i)) {
                        assertArrayEquals(e.toDoubleArray(), a.toDoubleArray(), 0.0);
                    }
                }
            }
        }
    }

    @Test
    void dynamicBatchFromUserDimsWithServingOptions() throws Exception {
        try (ScriptModule m = module("def forward(self, x: Tensor) -> Tensor:\n"
                + "    return torch.matmul(x, torch.ones(8, 4))\n")) {
            TritonExportRequest req = TritonExportRequest.of(repo, "dyn").withMaxBatchSize(16).withDynamicBatching(true)
                    .withDims(Map.of("x", List.of(-1L, 8L))).withInstances(InstanceGroup.parse("gpu:2"))
                    .withParameters(new BackendParameters(true, false, 2, 1));
            TritonExportResult r = TritonExport.export(m, req);
            DynamicMessage c = writtenConfig(r);
            assertEquals(16, field(c, "max_batch_size"));
            assertEquals(List.of("x TYPE_FP32 [-1, 8]"), ios(c, "input"));
            // two runs on zeros (sequence 16 and 17) show the output's first dim follows the input's
            assertEquals(List.of("OUTPUT__0 TYPE_FP32 [-1, 4]"), ios(c, "output"));
            assertTrue(c.hasField(c.getDescriptorForType().findFieldByName("dynamic_batching")));
            DynamicMessage group = messages(c, "instance_group").get(0);
            assertEquals("KIND_GPU", field(group, "kind"));
            assertEquals(2, field(group, "count"));
            Map<String, String> params = new LinkedHashMap<>();
            for (DynamicMessage e : messages(c, "parameters")) {
                params.put((String) field(e, "key"), (String) field((DynamicMessage) field(e, "value"), "string_value"));
            }
            assertEquals(Map.of("INFERENCE_MODE", "true", "DISABLE_OPTIMIZED_EXECUTION", "false",
                    "INTRA_OP_THREAD_COUNT", "2", "INTER_OP_THREAD_COUNT", "1"), params);
        }
    }

    @Test
    void dictInputIsServedByItsKeys() throws Exception {
        try (ScriptModule m = module("def forward(self, inputs: Dict[str, Tensor]) -> Tensor:\n"
                + "    return inputs['image'] * inputs['scale']\n");
             Tensor image = Tensors.ones(2, 5); Tensor scale = Tensors.of(new float[]{3f}, 1)) {
            Map<String, Tensor> example = new LinkedHashMap<>();
            example.put("image", image);
            example.put("scale", scale);
            TritonExportResult r = TritonExport.export(m, TritonExportRequest.of(repo, "dict").withExampleInputs(List.of(example)));
            DynamicMessage c = writtenConfig(r);
            assertEquals(List.of("image TYPE_FP32 [2, 5]", "scale TYPE_FP32 [1]"), ios(c, "input"));
            assertEquals(List.of("OUTPUT__0 TYPE_FP32 [2, 5]"), ios(c, "output"));
        }
    }

    @Test
    void listInputIsRefusedNamingTheArgument() {
        try (ScriptModule m = module("def forward(self, xs: List[Tensor]) -> Tensor:\n    return xs[0]\n")) {
            TritonExportException e = assertThrows(TritonExportException.class,
                    () -> TritonExport.plan(m, TritonExportRequest.of(repo, "list")));
            assertTrue(e.getMessage().startsWith("argument 'xs' of forward is List[Tensor]: a List input cannot be served"), e.getMessage());
        }
        assertFalse(Files.exists(repo.resolve("list")), "nothing is written for a refused model");
    }

    @Test
    void strInputIsRefusedNamingTheArgument() {
        try (ScriptModule m = module("def forward(self, x: Tensor, mode: str) -> Tensor:\n    return x\n")) {
            TritonExportException e = assertThrows(TritonExportException.class,
                    () -> TritonExport.plan(m, TritonExportRequest.of(repo, "str")));
            assertTrue(e.getMessage().startsWith("argument 'mode' of forward is str: a str input cannot be served"), e.getMessage());
        }
    }

    @Test
    void dictOutputIsRefusedWithTheReason() {
        try (ScriptModule m = module("def forward(self, x: Tensor) -> Dict[str, Tensor]:\n    return {'y': x}\n")) {
            TritonExportException e = assertThrows(TritonExportException.class,
                    () -> TritonExport.plan(m, TritonExportRequest.of(repo, "dictout")));
            assertTrue(e.getMessage().contains("Dict outputs cannot be served: Triton's libtorch backend reads outputs by position"),
                    e.getMessage());
        }
    }

    @Test
    void optionalTupleItemIsRefused() {
        Path file = SharedFixtures.root().resolve("pytorch-1.13").resolve("mha_script.pt");
        try (ScriptModule m = Jit.load(file)) {
            TritonExportException e = assertThrows(TritonExportException.class,
                    () -> TritonExport.plan(m, TritonExportRequest.of(repo, "mha")));
            assertTrue(e.getMessage().contains("item 1 is Optional[Tensor]") || e.getMessage().contains("Optional input cannot be served"),
                    e.getMessage());
        }
    }

    @Test
    void secondExportAddsVersionTwoAndRewritesTheConfig() throws Exception {
        try (ScriptModule m = module("def forward(self, x: Tensor) -> Tensor:\n    return x + 1.0\n");
             Tensor x3 = Tensors.ones(2, 3); Tensor x5 = Tensors.ones(2, 5)) {
            TritonExportResult first = TritonExport.export(m, TritonExportRequest.of(repo, "net").withExampleInputs(List.of(x3)));
            assertEquals(1, first.plan().version());
            TritonPlan again = TritonExport.plan(m, TritonExportRequest.of(repo, "net").withExampleInputs(List.of(x5)));
            assertEquals(2, again.version());
            assertEquals(1, again.notes().size(), again.notes().toString());
            TritonExportResult second = TritonExport.write(m, again);
            assertTrue(Files.isRegularFile(repo.resolve("net/1/model.pt")));
            assertTrue(Files.isRegularFile(repo.resolve("net/2/model.pt")));
            DynamicMessage c = writtenConfig(second);
            assertEquals(List.of("x TYPE_FP32 [2, 5]"), ios(c, "input"));
            assertTrue(Files.readString(second.plan().configFile()).startsWith("# Written by TorchScript Studio with version 2"));
            try (var s = Files.list(repo.resolve("net"))) {
                assertEquals(List.of("1", "2", "config.pbtxt"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                        "no temporary folder is left behind");
            }
            String tree = second.tree().replaceAll("  [0-9.]+ (B|KiB|MiB)", "  SIZE");
            assertEquals(repo + "/\n"
                    + "└── net/\n"
                    + "    ├── config.pbtxt  SIZE  (written)\n"
                    + "    ├── 1/\n"
                    + "    │   └── model.pt  SIZE\n"
                    + "    └── 2/\n"
                    + "        └── model.pt  SIZE  (written)\n", tree);
        }
    }

    @Test
    void missingShapesAreAskedForByName() {
        try (ScriptModule m = module("def forward(self, x: Tensor) -> Tensor:\n    return x\n")) {
            TritonExportException e = assertThrows(TritonExportException.class,
                    () -> TritonExport.plan(m, TritonExportRequest.of(repo, "noshape")));
            assertTrue(e.getMessage().startsWith("no shape for input 'x'"), e.getMessage());
            TritonExportException unknown = assertThrows(TritonExportException.class,
                    () -> TritonExport.plan(m, TritonExportRequest.of(repo, "n").withDims(Map.of("x", List.of(2L), "y", List.of(3L)))));
            assertEquals("'y' is neither an input nor an output of this model (they are: x, OUTPUT__0)", unknown.getMessage());
        }
    }

    @Test
    void theStrictParseRefusesUnknownFieldsAndEnumNames() throws Exception {
        String good = "name: \"m\"\nplatform: \"pytorch_libtorch\"\ninput [ { name: \"x\" data_type: TYPE_FP32 dims: [ 3 ] } ]\n";
        parse(good);
        TextFormat.ParseException field = assertThrows(TextFormat.ParseException.class, () -> parse(good + "max_batch: 4\n"));
        assertTrue(field.getMessage().contains("max_batch"), field.getMessage());
        TextFormat.ParseException enumName = assertThrows(TextFormat.ParseException.class,
                () -> parse(good.replace("TYPE_FP32", "TYPE_FLOAT32")));
        assertTrue(enumName.getMessage().contains("TYPE_FLOAT32"), enumName.getMessage());
    }

    @Test
    void dtypesMapToTritonsNames() {
        assertEquals("TYPE_FP16", TritonTensor.dataType(DType.FLOAT16, "x"));
        assertEquals("TYPE_BF16", TritonTensor.dataType(DType.BFLOAT16, "x"));
        assertEquals("TYPE_UINT8", TritonTensor.dataType(DType.UINT8, "x"));
        TritonExportException e = assertThrows(TritonExportException.class, () -> TritonTensor.dataType(DType.COMPLEX64, "z"));
        assertTrue(e.getMessage().startsWith("'z' is complex64: Triton has no complex data type"), e.getMessage());
    }
}
