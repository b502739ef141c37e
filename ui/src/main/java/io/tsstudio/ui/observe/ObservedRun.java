package io.tsstudio.ui.observe;

import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.engine.run.RunOutcome;

import java.util.Map;

/**
 * An observed run as the studio receives it from the worker: what a plain run gives (output tree, timing), the
 * observation's records (no kept tensors: a value's detail is asked for by {@link ValueKeys key}), and every observed
 * value by {@link ValueKeys#value value key}, which is how the graph's edges find their shapes.
 */
public record ObservedRun(RunOutcome outcome, Observation observation, Map<String, ObservedValue> values) {
    public ObservedRun {
        values = Map.copyOf(values);
    }
}
