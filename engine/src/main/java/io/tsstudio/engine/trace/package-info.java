/**
 * Tracing Java code into TorchScript: {@link io.tsstudio.engine.trace.Tracer} (functions),
 * {@link io.tsstudio.engine.trace.ModuleTracer} (Java modules) and their options and results; {@code Jit.trace} delegates
 * here, and the recording itself lives in {@code internal.torch}. The engine API, {@code engine.nn} and the graph
 * editor's Trace path use it.
 */
package io.tsstudio.engine.trace;
