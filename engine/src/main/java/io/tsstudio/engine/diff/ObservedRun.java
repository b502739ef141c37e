package io.tsstudio.engine.diff;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.ObserveOptions;
import io.tsstudio.engine.run.CancelToken;

import java.util.List;

/**
 * Runs one model's method with observation: in this process ({@code Observer::observe}, the CLI), or wherever the
 * caller runs models.
 */
@FunctionalInterface
public interface ObservedRun {
    Observation observe(ScriptModule module, String method, List<Object> args, ObserveOptions options, CancelToken cancel);
}
