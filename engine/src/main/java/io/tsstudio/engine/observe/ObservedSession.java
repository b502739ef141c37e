package io.tsstudio.engine.observe;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.ModelSession;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunRequest;
import io.tsstudio.engine.run.RunStats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Observed runs of a {@link ModelSession}'s model (what the worker does for the studio's Observe toggle and debugger):
 * each run goes through the {@link Observer}, its output becomes the session's last output (so Save works as after a
 * plain run), and the observation is kept, with its tensors, until the next one so that a value can be asked for.
 * Not thread-safe, like the session.
 */
public final class ObservedSession implements AutoCloseable {
    private final ModelSession session;
    private Observation last;

    public ObservedSession(ModelSession session) {
        this.session = session;
    }

    /** An observed run as the run panel needs it: the plain-run outcome, the observation and the arguments' shapes. */
    public record Outcome(RunOutcome outcome, Observation observation, List<ObservedValue> arguments) {
        public Outcome {
            arguments = List.copyOf(arguments);
        }
    }

    public Outcome observe(RunRequest request, ObserveOptions options, CancelToken token) throws Exception {
        List<Object> args = session.decodeArguments(request);
        ObserverWarmUp.ensure(); // the first observed run's times are the model's, not the observer starting up
        try {
            long start = System.nanoTime();
            Observation o = Observer.observe(session.module(), request.method(), args, options, token);
            long wall = System.nanoTime() - start;
            session.keepOutput(o.output());
            if (last != null) last.close();
            last = o;
            RunOutcome outcome = session.outcomeOf(o.output(), RunStats.of(new long[]{o.totalNanos()}, wall, 1),
                    "observed node by node");
            return new Outcome(outcome, o, summaries(args));
        } finally {
            args.forEach(ModelSession::releaseValues);
        }
    }

    /** The last observation (its kept tensors still open), or null before the first observed run. */
    public Observation last() {
        return last;
    }

    /** The arguments as observed values, shape and dtype only: what the graph's input edges carry. */
    private static List<ObservedValue> summaries(List<Object> args) {
        List<ObservedValue> out = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Tensor t) {
                String dtype = t.dtype().jsonName();
                out.add(new ObservedValue("Tensor", Arrays.toString(t.shape()) + " " + dtype, List.of(new ObservedTensor(dtype,
                        t.shape(), t.device().toString(), Double.NaN, Double.NaN, Double.NaN, 0, 0, Optional.empty()))));
            } else {
                out.add(new ObservedValue(a == null ? "NoneType" : a.getClass().getSimpleName(), String.valueOf(a), List.of()));
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (last != null) last.close();
        last = null;
    }
}
