package io.tsstudio.engine.bench;

import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.trace.Tracer;
import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.internal.torch.ModuleBuilder;
import io.tsstudio.engine.nn.Conv2d;
import io.tsstudio.engine.nn.Flatten;
import io.tsstudio.engine.nn.Linear;
import io.tsstudio.engine.nn.MaxPool2d;
import io.tsstudio.engine.nn.Module;
import io.tsstudio.engine.nn.ReLU;
import io.tsstudio.engine.nn.Sequential;
import io.tsstudio.engine.trace.TraceOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forward latency of traced models against the same models written as TorchScript source and compiled (same
 * weights), in one run, plus tracing time for a 100-layer MLP. Prints figures; asserts nothing.
 *
 * <p>Run after {@code mvn -o -q -pl engine test-compile}: {@code java -cp engine/target/classes:engine/target/test-classes:<test
 * classpath> io.tsstudio.engine.bench.TraceBench [iterations] [intra-op threads]} (or from the IDE); defaults 2000 and 1.
 */
public final class TraceBench {
    private TraceBench() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Torch.setThreads(threads, 0);
        say("LibTorch " + Torch.version() + ", intra-op threads " + Torch.intraOpThreads() + ", iterations " + iterations);

        Sequential mlp = new Sequential(new Linear(256, 512), new ReLU(), new Linear(512, 512), new ReLU(), new Linear(512, 10));
        mlp.eval();
        String mlpSource = String.join("\n",
                "def forward(self, x: Tensor) -> Tensor:",
                "    x = torch.relu(torch.linear(x, self.w0, self.b0))",
                "    x = torch.relu(torch.linear(x, self.w2, self.b2))",
                "    return torch.linear(x, self.w4, self.b4)", "");
        compare("MLP 256-512-512-10, batch 64", mlp, mlpSource, Tensors.randn(64, 256), iterations);

        Sequential cnn = new Sequential(new Conv2d(1, 16, 3, 1, 1), new ReLU(), new MaxPool2d(2), new Conv2d(16, 32, 3, 1, 1), new ReLU(),
                new MaxPool2d(2), new Flatten(), new Linear(32 * 7 * 7, 10));
        cnn.eval();
        String cnnSource = String.join("\n",
                "def forward(self, x: Tensor) -> Tensor:",
                "    x = torch.max_pool2d(torch.relu(torch.conv2d(x, self.w0, self.b0, [1, 1], [1, 1])), [2, 2], [2, 2])",
                "    x = torch.max_pool2d(torch.relu(torch.conv2d(x, self.w3, self.b3, [1, 1], [1, 1])), [2, 2], [2, 2])",
                "    return torch.linear(torch.flatten(x, 1), self.w7, self.b7)", "");
        compare("CNN conv16-pool-conv32-pool-linear, batch 16 of 1x28x28", cnn, cnnSource, Tensors.randn(16, 1, 28, 28), Math.max(1, iterations / 4));

        traceDeepMlp();
    }

    /** Same weights: the compiled module registers the Java module's own tensors (w{i}, b{i} for layer i). */
    private static ScriptModule compiled(Sequential model, String source) {
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (int i = 0; i < model.size(); i++) {
            Map<String, Tensor> own = model.get(i).ownParameters();
            if (own.containsKey("weight")) params.put("w" + i, own.get("weight"));
            if (own.containsKey("bias")) params.put("b" + i, own.get("bias"));
        }
        ScriptModule m = Handles.wrap(ModuleBuilder.build(new ModuleBuilder.Spec("Compiled", false, params, Map.of(), Map.of())));
        m.define(source);
        m.eval();
        return m;
    }

    private static void compare(String name, Sequential model, String source, Tensor input, int iterations) {
        ScriptModule traced = Tracer.trace(model, input);
        ScriptModule tracedPlain = Tracer.trace(TraceOptions.DEFAULT.withRespectMode(false), model, input);
        ScriptModule scripted = compiled(model, source);
        traced.eval();
        tracedPlain.eval();
        Tensor expected = model.forward(input);
        check(name + " traced", expected, (Tensor) traced.forward(input));
        check(name + " compiled", expected, (Tensor) scripted.forward(input));
        // Calls alternate one by one in rotating order, so load on this machine hits all three alike; the figures are
        // medians of single-call times, which shrug off the calls another process happened to interrupt.
        ScriptModule[] models = {traced, tracedPlain, scripted};
        double[][] micros = new double[3][iterations];
        try (NoGrad g = NoGrad.enter()) {
            for (int i = 0; i < Math.max(20, iterations / 10); i++) for (ScriptModule m : models) ((Tensor) m.forward(input)).close();
            for (int i = 0; i < iterations; i++) {
                for (int k = 0; k < 3; k++) {
                    int which = (i + k) % 3;
                    long start = System.nanoTime();
                    ((Tensor) models[which].forward(input)).close();
                    micros[which][i] = (System.nanoTime() - start) / 1e3;
                }
            }
        }
        double t = median(micros[0]), p = median(micros[1]), c = median(micros[2]);
        say(String.format("%s: median per call: traced (respect mode) %.1f us, traced (single mode) %.1f us, compiled source %.1f us; "
                        + "ratio traced/compiled %.3f (single mode %.3f); %d calls each",
                name, t, p, c, t / c, p / c, iterations));
    }

    private static void check(String what, Tensor expected, Tensor actual) {
        if (!expected.allclose(actual, 1e-4, 1e-5)) throw new IllegalStateException(what + " does not match the Java model");
    }

    private static void traceDeepMlp() {
        Module[] layers = new Module[199];
        for (int i = 0; i < 100; i++) {
            layers[2 * i] = new Linear(64, 64);
            if (i < 99) layers[2 * i + 1] = new ReLU();
        }
        Sequential deep = new Sequential(Arrays.copyOf(layers, 199));
        Tensor x = Tensors.randn(8, 64);
        Tracer.trace(deep, x).close(); // warm: operator catalog, class loading
        List<Double> respect = new ArrayList<>(), single = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long a = System.nanoTime();
            Tracer.trace(deep, x).close();
            long b = System.nanoTime();
            Tracer.trace(TraceOptions.DEFAULT.withRespectMode(false), deep, x).close();
            long c = System.nanoTime();
            respect.add((b - a) / 1e6);
            single.add((c - b) / 1e6);
        }
        say(String.format("Tracing a 100-layer MLP (100 Linear(64,64) + 99 ReLU, batch 8): %.1f ms with respect mode (two traces + generated forward), %.1f ms single mode (median of 5)",
                median(respect), median(single)));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    @SuppressWarnings("java:S106") // a benchmark harness prints its figures
    private static void say(String line) {
        System.out.println(line);
    }
}
