package io.tsstudio.engine.observe;

import io.tsstudio.engine.Torch;
import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.internal.torch.NativeModule;
import io.tsstudio.engine.run.CancelToken;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the observing executor beside every module call a test makes, on the same arguments with the same random
 * seed, and fails the test when its result is not bit-identical to the normal call's (or its error text differs).
 * On the R cases (the five *CasesTest classes in engine.trace: 85 cases) this proves the executor on every
 * method they call without a second copy of the cases. Nested calls (inside a check) are not checked again.
 */
public final class ObservedCallsCheck implements BeforeEachCallback, AfterEachCallback, org.junit.jupiter.api.extension.AfterAllCallback {
    /** Calls compared over the whole test run, for the report. */
    public static final AtomicInteger CHECKED = new AtomicInteger();
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
    private final List<String> mismatches = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        mismatches.clear();
        NativeModule.checkCalls(this::around);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        NativeModule.checkCalls(null);
        if (!mismatches.isEmpty()) throw new AssertionError("the observing executor differs from a normal run:\n" + String.join("\n", mismatches));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.out.println("observed-calls check: " + CHECKED.get() + " module calls compared bit for bit so far (after "
                + context.getDisplayName() + ")");
    }

    private Object around(NativeModule module, String method, Object[] args, java.util.function.Supplier<Object> normal) {
        if (INSIDE.get()) return normal.get();
        INSIDE.set(true);
        try {
            long seed = System.nanoTime();
            Torch.manualSeed(seed);
            Object result;
            try {
                result = normal.get();
            } catch (TorchException e) {
                Torch.manualSeed(seed);
                try (Observation o = Observer.observe(Handles.wrap(module), method, java.util.Arrays.asList(args), ObserveOptions.statisticsOnly(), CancelToken.none())) {
                    ObservedRuns.close(o.output());
                    mismatches.add(method + ": a normal run failed (" + e.getMessage() + ") but the observed run did not");
                } catch (TorchException observed) {
                    if (!observed.getMessage().equals(e.getMessage())) {
                        mismatches.add(method + ": error text differs:\n  normal:   " + e.getMessage() + "\n  observed: " + observed.getMessage());
                    }
                }
                CHECKED.incrementAndGet();
                throw e;
            }
            Torch.manualSeed(seed);
            try (Observation o = Observer.observe(Handles.wrap(module), method, java.util.Arrays.asList(args), ObserveOptions.statisticsOnly(), CancelToken.none())) {
                try {
                    ObservedRuns.assertBitIdentical(result, o.output(), method);
                    for (ModuleRecord r : o.modules()) if (r.opaque()) mismatches.add(method + ": module '" + r.path() + "' ran whole");
                } catch (AssertionError e) {
                    mismatches.add(method + ": " + e.getMessage());
                } finally {
                    ObservedRuns.close(o.output());
                }
            } catch (RuntimeException e) {
                mismatches.add(method + ": the observed run failed: " + e);
            }
            CHECKED.incrementAndGet();
            return result;
        } finally {
            INSIDE.set(false);
        }
    }
}
