package io.tsstudio.engine.run;

import io.tsstudio.engine.PreparedCall;
import io.tsstudio.engine.ScriptModule;

import java.util.List;

/**
 * One timed run of a method, as {@code tsstudio run} and the run panel (through {@link ModelSession}) both do it: in
 * eval mode with grad off when the plan asks for inference (the module's training flag is restored after), arguments
 * converted once ({@link PreparedCall}) so the timed calls are the model's calls and nothing else.
 *
 * @param output the last call's output as Java values; the caller closes its tensors
 */
public record TimedCall(Object output, RunStats stats, TimedMode mode) {
    public static TimedCall run(ScriptModule m, String method, List<Object> args, RunPlan plan, RunListener listener,
                                CancelToken token) throws Exception {
        boolean training = m.isTraining();
        boolean switchToEval = plan.inference() && training;
        TimedMode mode = TimedMode.of(training, plan);
        try {
            if (switchToEval) m.eval();
            try (PreparedCall call = m.prepare(method, mode == TimedMode.INFERENCE, args.toArray())) {
                RunResult<PreparedCall.Result> r = new Runner(plan).onProgress(listener).onCallerThread(call::enterThread)
                        .run(call::invoke, PreparedCall.Result::close, token);
                return new TimedCall(r.output().toJava(), r.stats(), mode);
            }
        } finally {
            if (switchToEval) m.train(true);
        }
    }
}
