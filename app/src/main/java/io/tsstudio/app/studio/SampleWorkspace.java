package io.tsstudio.app.studio;

import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The workspace the studio opens when started without files: the sample scripts from {@code resources/samples},
 * copied to the user's data dir, and a sample model the project makes itself on first start: a module with
 * parameters registered from seeded random values and the methods of {@code tiny_mlp.methods.py}, saved as
 * {@code sample_model.pt}. No binary file is shipped.
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

    /** Builds the sample model from the module-style methods; the weights are seeded so every install gets the same model. */
    static void buildSampleModel(String methods, Path target) {
        Random random = new Random(20_260_101L);
        try (CompilationUnit cu = Jit.compile("def _placeholder(x: Tensor) -> Tensor:\n    return x\n");
             ScriptModule m = cu.toModule("TinyMLP")) {
            register(m, "w1", random, 0.35f, 16, 8);
            register(m, "b1", random, 0.1f, 16);
            register(m, "w2", random, 0.25f, 4, 16);
            register(m, "b2", random, 0.1f, 4);
            m.define(methods);
            Jit.save(m, target);
        }
    }

    private static void register(ScriptModule m, String name, Random random, float scale, long... shape) {
        int n = 1;
        for (long d : shape) n *= (int) d;
        float[] values = new float[n];
        for (int i = 0; i < n; i++) values[i] = (float) random.nextGaussian() * scale;
        try (Tensor t = Tensor.of(values, shape)) {
            m.registerParameter(name, t, true);
        }
    }
}
