package io.tsstudio.engine.observe;

import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.run.CancelToken;

import java.util.List;

/**
 * Runs the observer a few times on a small model of its own, once per process, so that the first observed run of a
 * user's model is timed with the observer's code already loaded and compiled. Without it that run's root showed
 * milliseconds of self time that were the observer starting up (the CLI's {@code profile} measured 7.2 ms total on
 * the sample model cold, 1.3 ms warm). A model of its own, because an extra call of the user's model would change a
 * model that keeps state (a counter, BatchNorm statistics in training mode).
 */
public final class ObserverWarmUp {
    private static final String SOURCE = """
            def forward(self, x: Tensor) -> Tensor:
                y = self.inner.forward(x)
                parts: List[Tensor] = []
                for i in range(3):
                    if i % 2 == 0:
                        parts.append(torch.relu(y + i))
                    else:
                        parts.append(torch.sigmoid(y * self.scale))
                return torch.cat(parts, 1).sum(1, keepdim=True)
            """;
    private static final String INNER = """
            def forward(self, x: Tensor) -> Tensor:
                return torch.matmul(x, self.weight.t()) + self.bias
            """;
    private static final int ROUNDS = 5;
    private static volatile boolean done;

    private ObserverWarmUp() {
    }

    /** Warms the observer once per process; later calls return at once. A failure only costs the warm-up. */
    public static void ensure() {
        if (done) return;
        synchronized (ObserverWarmUp.class) {
            if (done) return;
            done = true;
            try {
                for (int i = 0; i < ROUNDS; i++) observeOnce(o -> { });
            } catch (RuntimeException e) {
                // the warm-up only makes the first real figures truer; the real run reports its own errors
            }
        }
    }

    /** One observed call of the warm-up model; {@code look} sees the observation before it is closed. */
    static void observeOnce(java.util.function.Consumer<Observation> look) {
        try (ScriptModule inner = inner(); ScriptModule m = outer(inner); Tensor x = Tensors.ones(2, 4);
             Observation o = Observer.observe(m, "forward", List.of(x), ObserveOptions.shapesOnly(), CancelToken.none())) {
            look.accept(o);
        }
    }

    private static ScriptModule inner() {
        ScriptModule inner = ModuleAssembly.newModule("ObserverWarmUpInner");
        try (Tensor w = Tensors.ones(3, 4); Tensor b = Tensors.zeros(3)) {
            inner.registerParameter("weight", w, false);
            inner.registerParameter("bias", b, false);
        }
        inner.define(INNER);
        return inner;
    }

    private static ScriptModule outer(ScriptModule inner) {
        ScriptModule outer = ModuleAssembly.newModule("ObserverWarmUp");
        try (Tensor s = Tensors.full(new long[]{1}, 0.5)) {
            outer.registerBuffer("scale", s);
        }
        ModuleAssembly.addSubmodule(outer, "inner", inner);
        outer.define(SOURCE);
        return outer;
    }
}
