package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.ValueConversionException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Argument;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.FunctionSchema;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.InferenceMode;
import org.bytedeco.pytorch.Method;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One callable TorchScript method or function with its schema read once: argument types and names are plain Java
 * here, so a call does no native schema lookups and no per-call string work.
 */
public final class NativeCallable {
    private final Method method;     // a bound module/object method (self is prepended by LibTorch), or null
    private final Function function; // a free function of a compilation unit, or null
    private final String name;
    private final String[] argNames;
    private final TsType[] argTypes;
    private final TsType returnType;
    private final MethodInfo info;
    private volatile Boolean plansBuiltForInference; // null until the first call
    /** Shared by the calls running on the current plans; exclusive while the plans are dropped for the other mode. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock plans = new java.util.concurrent.locks.ReentrantReadWriteLock();

    private NativeCallable(Method method, Function function, FunctionSchema schema, boolean hasSelf, boolean keep) {
        this.method = method;
        this.function = function;
        this.name = schema.name().getString();
        Argument args = schema.arguments();
        int first = hasSelf ? 1 : 0;
        int n = args == null ? 0 : (int) Math.max(0, args.limit() - first); // an empty vector comes back as null
        argNames = new String[n];
        argTypes = new TsType[n];
        List<ArgumentInfo> infos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Argument a = args.getPointer(first + i);
            argNames[i] = a.name().getString();
            argTypes[i] = TsType.of(a.type(), keep);
            Optional<String> def = a.default_value().has_value() ? Optional.of(IValues.repr(a.default_value().get())) : Optional.empty();
            infos.add(new ArgumentInfo(argNames[i], argTypes[i].text(), def));
        }
        Argument rets = schema.returns();
        long nrets = rets == null ? 0 : rets.limit();
        if (nrets == 1) {
            returnType = TsType.of(rets.getPointer(0).type(), keep);
        } else {
            returnType = TsType.ANY;
        }
        String ret = nrets == 1 ? returnType.text() : nrets == 0 ? "None" : "Tuple[...]";
        StringBuilder s = new StringBuilder(name).append('(');
        for (int i = 0; i < n; i++) {
            if (i > 0) s.append(", ");
            s.append(argNames[i]).append(": ").append(argTypes[i].text());
            if (infos.get(i).defaultValue().isPresent()) s.append(" = ").append(infos.get(i).defaultValue().get());
        }
        s.append(") -> ").append(ret);
        info = new MethodInfo(name, s.toString(), infos, ret);
    }

    /** Reads a bound method. Call inside a PointerScope; the method object is retained for the cache's lifetime. */
    static NativeCallable ofMethod(Method m) {
        m.retainReference();
        return new NativeCallable(m, null, m.function().getSchema(), true, true);
    }

    /** Reads a free function; the compilation unit that owns it must outlive this object. */
    static NativeCallable ofFunction(Function f) {
        return new NativeCallable(null, f, f.getSchema(), false, true);
    }

    /** The signature without native calls; what the studio and the CLI show. */
    static MethodInfo describe(FunctionSchema schema, boolean hasSelf) {
        try (PointerScope s = new PointerScope()) {
            return new NativeCallable(null, null, schema, hasSelf, false).info;
        }
    }

    public String name() {
        return name;
    }

    public MethodInfo info() {
        return info;
    }

    /**
     * Converts the arguments by the declared types, runs the method (under InferenceMode when asked) and copies the
     * result out before this call's PointerScope frees every native temporary.
     */
    public Object call(Object[] args, boolean inference) {
        if (args.length > argTypes.length) {
            throw new ValueConversionException(name + " takes " + argTypes.length + " argument" + (argTypes.length == 1 ? "" : "s")
                    + " " + info.arguments().stream().map(ArgumentInfo::name).toList() + ", got " + args.length);
        }
        java.util.concurrent.locks.Lock plan = method != null ? planFor(inference) : null;
        try (PointerScope scope = new PointerScope()) {
            InferenceMode guard = inference ? new InferenceMode() : null;
            try {
                IValue[] values = new IValue[args.length];
                for (int i = 0; i < args.length; i++) values[i] = IValues.toIValue(args[i], argTypes[i], Where.argument(name, argNames[i], !inference));
                IValueVector stack = new IValueVector(values);
                IValue result = method != null ? method.apply(stack) : function.apply(stack);
                return IValues.fromIValue(result, returnType, Where.result(name));
            } catch (TorchException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new TorchException(name + " failed: " + Errors.clean(e), e);
            } finally {
                if (guard != null) guard.close();
            }
        } finally {
            if (plan != null) plan.unlock();
        }
    }

    /**
     * The graph executor keeps the plan it optimized under the first calls' grad mode: a plan made for a training
     * module (differentiable subgraphs that save tensors for backward) fails under InferenceMode with "Inference
     * tensors cannot be saved for backward". So when a method switches between training and inference calls (a trace
     * calls a child module in grad mode while the studio runs it in inference mode), its executor's plans are dropped
     * and rebuilt for the new mode. Dropping them frees the plan a running call executes (SIGSEGV, found by
     * {@code CloseDuringTraceTest}), so calls hold a shared lock for their mode's plans and a switch takes the
     * exclusive one: it waits for the calls in flight, then downgrades to run its own call.
     */
    private java.util.concurrent.locks.Lock planFor(boolean inference) {
        java.util.concurrent.locks.Lock shared = plans.readLock();
        shared.lock();
        if (Boolean.valueOf(inference).equals(plansBuiltForInference)) return shared;
        shared.unlock();
        java.util.concurrent.locks.Lock exclusive = plans.writeLock();
        exclusive.lock();
        try {
            if (!Boolean.valueOf(inference).equals(plansBuiltForInference)) {
                try (PointerScope s = new PointerScope()) {
                    method.get_executor().debugFlushCompilationCache();
                }
                plansBuiltForInference = inference;
            }
            shared.lock(); // downgrade: this call runs on the plans it just asked for
        } finally {
            exclusive.unlock();
        }
        return shared;
    }

    /** Switches the method's plans to {@code inference} (waiting for the calls on the other mode's plans to end). */
    void resetPlans(boolean inference) {
        planFor(inference).unlock();
    }

    /**
     * The arguments as the method's stack holds them after LibTorch's own normalization: converted by the declared
     * types, missing trailing arguments filled from their defaults ({@code self} not included). For the observing
     * executor, which runs the graph itself. Call inside a PointerScope.
     */
    IValue[] arguments(Object[] args, boolean inference) {
        if (args.length > argTypes.length) {
            throw new ValueConversionException(name + " takes " + argTypes.length + " argument" + (argTypes.length == 1 ? "" : "s")
                    + " " + info.arguments().stream().map(ArgumentInfo::name).toList() + ", got " + args.length);
        }
        IValue[] values = new IValue[argTypes.length];
        for (int i = 0; i < args.length; i++) values[i] = IValues.toIValue(args[i], argTypes[i], Where.argument(name, argNames[i], !inference));
        if (args.length < argTypes.length) {
            Argument declared = function().getSchema().arguments();
            int first = method != null ? 1 : 0;
            for (int i = args.length; i < argTypes.length; i++) {
                Argument a = declared.getPointer(first + i);
                if (!a.default_value().has_value()) {
                    throw new ValueConversionException(name + "() is missing argument '" + argNames[i] + "'");
                }
                values[i] = new IValue(a.default_value().get());
            }
        }
        return values;
    }

    /**
     * Arguments converted once, for calling the method many times (benchmarks): each {@link #invoke} is the method
     * call and nothing else a raw JavaCPP loop would not do (no conversion, no PointerScope; the InferenceMode guard
     * when inference is asked, as the engine's calls in eval mode have).
     */
    public Prepared prepare(Object[] args, boolean inference) {
        if (method != null && !Boolean.valueOf(inference).equals(plansBuiltForInference)) resetPlans(inference);
        try (PointerScope scope = new PointerScope()) {
            IValue[] values = arguments(args, inference);
            IValueVector stack = new IValueVector(values);
            stack.retainReference();
            return new Prepared(stack, inference);
        } catch (TorchException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TorchException(name + " failed: " + Errors.clean(e), e);
        }
    }

    /** See {@link #prepare}. Several threads may invoke one at once (the stack is only read: LibTorch copies it). */
    public final class Prepared implements AutoCloseable {
        private final IValueVector stack;
        private final boolean inference;
        // a cancelled benchmark closes this while a call may still be running on a caller thread: free after it
        private final NativeLifetime life = new NativeLifetime(() -> "prepared call of " + name);

        private Prepared(IValueVector stack, boolean inference) {
            this.stack = stack;
            this.inference = inference;
        }

        /**
         * Holds InferenceMode (when asked) on this thread until closed, so {@link #invokeEntered} calls need no guard
         * of their own. Close on the same thread.
         */
        public AutoCloseable enterThread() {
            NativeLifetime.Use use = life.enter();
            // the method's plans must not be flushed (a mode switch) under this thread's calls: see planFor
            java.util.concurrent.locks.Lock plan = method != null ? planFor(inference) : null;
            InferenceMode guard = inference ? new InferenceMode() : null;
            return () -> {
                try {
                    if (guard != null) guard.close();
                } finally {
                    try {
                        if (plan != null) plan.unlock();
                    } finally {
                        use.close();
                    }
                }
            };
        }

        /** One call on a thread inside {@link #enterThread}: the method call and nothing more. */
        public Result invokeEntered() {
            try {
                return new Result(method != null ? method.apply(stack) : function.apply(stack));
            } catch (RuntimeException e) {
                throw new TorchException(name + " failed: " + Errors.clean(e), e);
            }
        }

        /** One call; the result is owned by the caller (close it, or convert it with {@link Result#toJava}). */
        public Result invoke() {
            try (AutoCloseable entered = enterThread()) {
                return invokeEntered();
            } catch (TorchException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e); // the closer throws nothing checked
            }
        }

        @Override
        public void close() {
            life.close(stack::releaseReference);
        }
    }

    /** What one prepared call returned, still native: freed by {@link #close}, or converted by {@link #toJava}. */
    public final class Result implements AutoCloseable {
        private IValue value;

        private Result(IValue value) {
            this.value = value;
        }

        /** The Java form, as {@link NativeCallable#call} gives it; closes this. */
        public Object toJava() {
            try (PointerScope scope = new PointerScope()) {
                return result(value);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            if (value != null) {
                value.deallocate();
                value = null;
            }
        }
    }

    /** A result as {@link #call} returns it. */
    Object result(IValue result) {
        return IValues.fromIValue(result, returnType, Where.result(name));
    }

    /** The raw method for engine-internal use (graphs); null for free functions. */
    Method method() {
        return method;
    }

    Function function() {
        return function != null ? function : method.function();
    }

    void release() {
        if (method != null) method.releaseReference();
    }
}
