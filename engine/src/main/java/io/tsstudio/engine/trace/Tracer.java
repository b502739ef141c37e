package io.tsstudio.engine.trace;

import io.tsstudio.engine.TraceArgs;

import io.tsstudio.engine.TraceFunction;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.internal.torch.Tracing;
import io.tsstudio.engine.nn.Module;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Traces Java functions and modules into TorchScript (the engine's {@code Jit.trace} delegates here). */
public final class Tracer {
    private Tracer() {
    }

    public static TracedFunction trace(Function<Tensor, ?> fn, Tensor x) {
        return trace(TraceOptions.DEFAULT, a -> fn.apply(a.tensor(0)), x);
    }

    public static TracedFunction trace(BiFunction<Tensor, Tensor, ?> fn, Tensor x, Tensor y) {
        return trace(TraceOptions.DEFAULT, a -> fn.apply(a.tensor(0), a.tensor(1)), x, y);
    }

    public static TracedFunction trace(TraceFunction fn, Object... inputs) {
        return trace(TraceOptions.DEFAULT, fn, inputs);
    }

    /**
     * Runs {@code fn} once on {@code inputs}, recording every tensor operation. Java control flow is baked in.
     * An exception thrown by {@code fn} comes back as it was thrown (a checked one wrapped in a
     * {@link TraceException} as its cause) and leaves the tracer usable.
     */
    public static TracedFunction trace(TraceOptions options, TraceFunction fn, Object... inputs) {
        if (fn == null) throw new TorchException("trace needs a function or a module, got null");
        List<Object> in = Arrays.asList(inputs);
        try {
            return new TracedFunction(Tracing.traceFunction(list -> fn.apply(TraceArgs.of(list)), in, options.strict()));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new TraceException("the traced function threw " + e, e);
        }
    }

    /** Traces {@code module.forward} on {@code inputs} (respect mode on, strict). */
    public static ScriptModule trace(Module module, Object... inputs) {
        return trace(TraceOptions.DEFAULT, module, inputs);
    }

    public static ScriptModule trace(TraceOptions options, Module module, Object... inputs) {
        Map<String, List<?>> methods = new LinkedHashMap<>();
        methods.put("forward", Arrays.asList(inputs));
        return ModuleTracer.trace(module, methods, options);
    }

    /**
     * Traces several methods of {@code module}, each on its own example inputs (the positional arguments of that
     * method). Parameters and buffers become attributes of the result, read with GetAttr and sharing storage with
     * {@code module} until saved. With respect mode, {@code forward} is traced in train and in eval mode
     * ({@code trainforward}, {@code evalforward}) and a TorchScript {@code forward} picks one by {@code self.training}.
     */
    public static ScriptModule traceModule(Module module, Map<String, List<?>> methods, TraceOptions options) {
        return ModuleTracer.trace(module, methods, options);
    }

    public static ScriptModule traceModule(Module module, Map<String, List<?>> methods) {
        return ModuleTracer.trace(module, methods, TraceOptions.DEFAULT);
    }
}
