package io.tsstudio.engine.export.triton;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TextFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Triton's own {@code inference.ModelConfig}, made at test time from {@code ../shared/reference/triton/model_config.proto}
 * with protoc from Maven Central ({@code target/protoc/protoc.exe}, copied there by the engine's pom), and a strict
 * text-format parse against it: unknown fields and unknown enum names fail, as they fail in tritonserver.
 */
final class TritonConfigSchema {
    private static Descriptors.Descriptor modelConfig;

    private TritonConfigSchema() {
    }

    static Path protoDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared").resolve("reference").resolve("triton");
            if (Files.isRegularFile(f.resolve("model_config.proto"))) return f;
        }
        throw new IllegalStateException("shared/reference/triton/model_config.proto not found above " + Path.of("").toAbsolutePath());
    }

    static synchronized Descriptors.Descriptor modelConfig() throws Exception {
        if (modelConfig != null) return modelConfig;
        Path protoc = Path.of("target", "protoc", "protoc.exe").toAbsolutePath();
        if (!Files.isRegularFile(protoc)) throw new IllegalStateException(protoc + " is missing: the engine's pom copies it in generate-test-resources");
        Path work = Files.createTempDirectory("triton-proto");
        Path exe = work.resolve("protoc");
        Files.copy(protoc, exe);
        if (!exe.toFile().setExecutable(true)) throw new IOException("cannot make " + exe + " executable");
        Path set = work.resolve("model_config.desc");
        Path dir = protoDir();
        Process p = new ProcessBuilder(exe.toString(), "-I" + dir, "--include_imports", "--descriptor_set_out=" + set,
                dir.resolve("model_config.proto").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("protoc failed: " + out);
        DescriptorProtos.FileDescriptorSet fds = DescriptorProtos.FileDescriptorSet.parseFrom(Files.readAllBytes(set));
        Map<String, Descriptors.FileDescriptor> built = new HashMap<>();
        Descriptors.FileDescriptor last = null;
        for (DescriptorProtos.FileDescriptorProto f : fds.getFileList()) {
            List<Descriptors.FileDescriptor> deps = new ArrayList<>();
            for (String d : f.getDependencyList()) deps.add(built.get(d));
            last = Descriptors.FileDescriptor.buildFrom(f, deps.toArray(new Descriptors.FileDescriptor[0]));
            built.put(f.getName(), last);
        }
        modelConfig = last.findMessageTypeByName("ModelConfig");
        if (modelConfig == null) throw new IllegalStateException("no ModelConfig in " + dir);
        return modelConfig;
    }

    /** Parses strictly; throws {@link TextFormat.ParseException} for what Triton would refuse to read. */
    static DynamicMessage parse(String pbtxt) throws Exception {
        DynamicMessage.Builder b = DynamicMessage.newBuilder(modelConfig());
        TextFormat.Parser.newBuilder().build().merge(pbtxt, b);
        return b.build();
    }

    static Object field(com.google.protobuf.MessageOrBuilder m, String name) {
        Descriptors.FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
        if (f == null) throw new IllegalArgumentException("no field " + name);
        Object v = m.getField(f);
        return v instanceof Descriptors.EnumValueDescriptor e ? e.getName() : v;
    }

    @SuppressWarnings("unchecked")
    static List<DynamicMessage> messages(com.google.protobuf.MessageOrBuilder m, String name) {
        return (List<DynamicMessage>) field(m, name);
    }

    /** One input or output as {@code name dtype [dims]}, e.g. {@code x TYPE_FP32 [3, 64, 64]}. */
    static String io(DynamicMessage t) {
        return field(t, "name") + " " + field(t, "data_type") + " " + field(t, "dims");
    }

    static List<String> ios(DynamicMessage config, String which) {
        return messages(config, which).stream().map(TritonConfigSchema::io).toList();
    }
}
