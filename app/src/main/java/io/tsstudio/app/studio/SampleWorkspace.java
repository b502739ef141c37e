package io.tsstudio.app.studio;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The workspace the studio opens when started without files: the sample scripts from {@code resources/samples},
 * copied to the user's data dir, and a sample model the project makes itself on first start: modules assembled with
 * the engine, parameters registered from seeded random values, the methods of {@code tiny_mlp.methods.py} defined
 * on them, saved as {@code sample_model.pt}. No binary file is shipped.
 */
final class SampleWorkspace {
    static final String SCRIPT = "activations.py";
    static final String MODULE_METHODS = "tiny_mlp.methods.py";
    static final String MODEL = "sample_model.pt";
    private static final String RESOURCE_DIR = "/io/tsstudio/resources/samples/";

    private SampleWorkspace() {
    }

    /** Copies missing samples and builds the sample model if absent; returns the files to open. */
    static List<Path> prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : List.of(SCRIPT, MODULE_METHODS)) {
            Path target = dir.resolve(name);
            if (!Files.exists(target)) {
                try (InputStream in = Objects.requireNonNull(SampleWorkspace.class.getResourceAsStream(RESOURCE_DIR + name), "missing sample " + name)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path model = dir.resolve(MODEL);
        if (!Files.exists(model)) buildSampleModel(Files.readString(dir.resolve(MODULE_METHODS), StandardCharsets.UTF_8), model);
        return List.of(dir.resolve(SCRIPT), model);
    }

    /**
     * Builds the sample model from the module-style methods: one section per class ({@code # --- class Name}), the
     * shapes as the file's header describes them. The weights are seeded, so every install gets the same model.
     */
    static void buildSampleModel(String methods, Path target) {
        Map<String, String> sections = sections(methods);
        Random random = new Random(20_260_101L);
        try (ScriptModule root = ModuleAssembly.newModule("TinyMLP");
             ScriptModule encoder = ModuleAssembly.newModule("Encoder");
             ScriptModule head = ModuleAssembly.newModule("Head")) {
            register(encoder, "weight", random, 0.35f, 16, 8);
            register(encoder, "bias", random, 0.1f, 16);
            encoder.define(section(sections, "Encoder"));
            register(head, "weight", random, 0.25f, 4, 16);
            register(head, "bias", random, 0.1f, 4);
            head.define(section(sections, "Head"));
            try (Tensor scale = Tensors.of(new float[] {1f, 0.5f, 2f, 1f}, 4)) {
                root.registerBuffer("scale", scale);
            }
            ModuleAssembly.addSubmodule(root, "encoder", encoder);
            ModuleAssembly.addSubmodule(root, "head", head);
            root.define(section(sections, "TinyMLP"));
            Jit.save(root, target);
        }
    }

    /** Splits the file at {@code # --- class Name} lines. */
    static Map<String, String> sections(String methods) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : methods.split("\n", -1)) {
            if (line.startsWith("# --- class ")) {
                if (current != null) out.put(current, body.toString());
                current = line.substring("# --- class ".length()).trim();
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) out.put(current, body.toString());
        return out;
    }

    private static String section(Map<String, String> sections, String className) {
        String s = sections.get(className);
        if (s == null) throw new IllegalStateException(MODULE_METHODS + " has no section '# --- class " + className + "'");
        return s;
    }

    private static void register(ScriptModule m, String name, Random random, float scale, long... shape) {
        int n = 1;
        for (long d : shape) n *= (int) d;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) values[i] = (float) random.nextGaussian() * scale;
        try (Tensor t = Tensors.of(values, shape)) {
            m.registerParameter(name, t, true);
        }
    }
}
