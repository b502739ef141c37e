package io.tsstudio.engine.diff;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.values.ValueJson;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.ObserveOptions;
import io.tsstudio.engine.observe.Observer;
import io.tsstudio.engine.run.CancelToken;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Compares two models. The structure, parameter and code parts read both modules; the numeric part compares two
 * observed runs of the same method on the same inputs.
 */
public final class ModelDiffer {
    /** Observes in this process, on the calling thread ({@link Observer}). */
    public static final ObservedRun IN_PROCESS = Observer::observe;

    /** How many bytes of module outputs an observation keeps by default for the value comparison (per model). */
    public static final long DEFAULT_KEEP_BYTES = 2L << 30;

    private ModelDiffer() {
    }

    /** Modules, parameters and buffers, class code. */
    public static ModelDiff compare(ScriptModule a, ScriptModule b) {
        return compare(a, b, CancelToken.none());
    }

    /** As {@link #compare(ScriptModule, ScriptModule)}; a cancel ends it with a CancellationException. */
    public static ModelDiff compare(ScriptModule a, ScriptModule b, CancelToken cancel) {
        return StructureDiff.of(a, b, cancel);
    }

    /**
     * Everything {@link #compare(ScriptModule, ScriptModule, CancelToken)} compares, and both models' runs of
     * {@code method} on {@code args} (the same values for both; the caller owns them), observed by {@code run} keeping
     * at most {@code keepBytes} of module outputs per model for the value comparison.
     */
    public static ModelDiff compare(ScriptModule a, ScriptModule b, String method, List<Object> args, Tolerance tolerance,
                                    long keepBytes, ObservedRun run, CancelToken cancel) {
        ModelDiff structure = compare(a, b, cancel);
        return structure.withNumeric(numeric(a, b, method, args, tolerance, keepBytes, run, cancel));
    }

    /**
     * Only the runs' comparison (see {@link #compare(ScriptModule, ScriptModule, String, List, Tolerance, long, ObservedRun, CancelToken)}).
     * The two observations run at the same time, the second on a thread of its own: the observer's cost is mostly
     * per-node work on the calling thread, so two models take about as long as one where two cores are free.
     */
    public static NumericDiff numeric(ScriptModule a, ScriptModule b, String method, List<Object> args, Tolerance tolerance,
                                      long keepBytes, ObservedRun run, CancelToken cancel) {
        ObserveOptions options = ObserveOptions.keeping(keepBytes);
        CompletableFuture<Observation> second = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                second.complete(run.observe(b, method, args, options, cancel));
            } catch (Throwable e) {
                second.completeExceptionally(e);
            }
        }, "model-diff-observe");
        t.setDaemon(true);
        t.start();
        Observation oa = null, ob = null;
        try {
            oa = run.observe(a, method, args, options, cancel);
            ob = join(second);
            StructureDiff.check(cancel);
            return numeric(oa, ob, tolerance);
        } finally {
            if (oa == null) {
                // the first run failed: the second still finishes (or fails) on its own; free what it made
                second.thenAccept(ModelDiffer::closeWithOutput);
            }
            closeWithOutput(oa);
            closeWithOutput(ob);
        }
    }

    private static Observation join(CompletableFuture<Observation> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("model diff interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void closeWithOutput(Observation o) {
        if (o == null) return;
        ValueJson.closeTensors(o.output());
        o.close();
    }

    /** Two observations of the same method on the same inputs, matched module call by module call. */
    public static NumericDiff numeric(Observation a, Observation b, Tolerance tolerance) {
        return CallMatching.compare(a, b, tolerance);
    }
}
