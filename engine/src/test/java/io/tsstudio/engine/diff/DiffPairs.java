package io.tsstudio.engine.diff;

import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.nn.Functional;
import io.tsstudio.engine.trace.Tracer;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.nn.Linear;
import io.tsstudio.engine.nn.Module;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model pairs the diff tests compare, made here and saved with {@link Jit}: a scripted two-layer block and a head
 * ({@code body.fc1}, {@code body.fc2}, {@code head}), its traced twin with the same weights, and edited copies.
 */
final class DiffPairs {
    static final String BLOCK = """
            def forward(self, x: Tensor) -> Tensor:
                h = torch.relu(self.fc1.forward(x))
                return self.fc2.forward(h)
            """;
    /** The block's forward edited: same submodule calls, its own output doubled. */
    static final String BLOCK_EDITED = """
            def forward(self, x: Tensor) -> Tensor:
                h = torch.relu(self.fc1.forward(x))
                return self.fc2.forward(h) * 2.0
            """;

    private DiffPairs() {
    }

    /** Weights for 4 -> 8 -> 8 -> {@code headOut}, the same for the same seed. */
    static Map<String, Tensor> weights(long seed, int headOut) {
        Torch.manualSeed(seed);
        Map<String, Tensor> w = new LinkedHashMap<>();
        w.put("body.fc1.weight", Tensors.randn(8, 4));
        w.put("body.fc1.bias", Tensors.randn(8));
        w.put("body.fc2.weight", Tensors.randn(8, 8));
        w.put("body.fc2.bias", Tensors.randn(8));
        w.put("head.weight", Tensors.randn(headOut, 8));
        w.put("head.bias", Tensors.randn(headOut));
        return w;
    }

    static void closeAll(Map<String, Tensor> w) {
        w.values().forEach(Tensor::close);
    }

    /** The scripted model: every module a ScriptModule whose forward calls its children. */
    static ScriptModule scripted(Map<String, Tensor> w, String blockSource) {
        ScriptModule fc1 = linear(null, w.get("body.fc1.weight"), w.get("body.fc1.bias"));
        ScriptModule fc2 = linear(fc1, w.get("body.fc2.weight"), w.get("body.fc2.bias"));
        ScriptModule head = linear(fc1, w.get("head.weight"), w.get("head.bias"));
        ScriptModule body = ModuleAssembly.newModule("Block");
        ModuleAssembly.addSubmodule(body, "fc1", fc1);
        ModuleAssembly.addSubmodule(body, "fc2", fc2);
        body.define(blockSource);
        ScriptModule net = ModuleAssembly.newModule("Net");
        ModuleAssembly.addSubmodule(net, "body", body);
        ModuleAssembly.addSubmodule(net, "head", head);
        net.define("""
                def forward(self, x: Tensor) -> Tensor:
                    return self.head.forward(self.body.forward(x))
                """);
        return net;
    }

    private static ScriptModule linear(ScriptModule prototype, Tensor weight, Tensor bias) {
        ScriptModule m = prototype == null ? ModuleAssembly.newModule("Lin") : ModuleAssembly.newInstanceOf(prototype);
        m.registerParameter("weight", weight, false);
        m.registerParameter("bias", bias, false);
        if (prototype == null) {
            m.define("""
                    def forward(self, x: Tensor) -> Tensor:
                        return torch.linear(x, self.weight, self.bias)
                    """);
        }
        return m;
    }

    /** The same network as Java modules, traced: its submodules' calls are inlined into one forward. */
    static ScriptModule traced(Map<String, Tensor> w) {
        TracedNet net = new TracedNet(w.get("head.weight").shape()[0]);
        net.loadStateDict(w);
        try (Tensor x = Tensors.randn(2, 4)) {
            return Tracer.trace(net, x);
        }
    }

    static final class Body extends Module {
        final Linear fc1 = registerModule("fc1", new Linear(4, 8));
        final Linear fc2 = registerModule("fc2", new Linear(8, 8));

        @Override
        public Tensor forward(Object... inputs) {
            try (Tensor h = fc1.forward((Tensor) inputs[0]); Tensor r = Functional.relu(h)) {
                return fc2.forward(r);
            }
        }
    }

    static final class TracedNet extends Module {
        final Body body = registerModule("body", new Body());
        final Linear head;

        TracedNet(long headOut) {
            head = registerModule("head", new Linear(8, headOut));
        }

        @Override
        public Tensor forward(Object... inputs) {
            try (Tensor h = body.forward(inputs)) {
                return head.forward(h);
            }
        }
    }

    /** Saves and loads back, as the CLI and the studio meet models. */
    static ScriptModule roundTrip(ScriptModule m, Path file) {
        try (m) {
            Jit.save(m, file);
        }
        return Jit.load(file);
    }
}
