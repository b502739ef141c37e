package io.tsstudio.engine.trace;

import io.tsstudio.engine.internal.torch.Handles;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.internal.torch.NativeFunction;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A TorchScript function recorded from Java code. It runs without the Java code, on inputs of other shapes too
 * (argument types are checked, shapes are not), and saves as a module whose {@code forward} is the function.
 */
public final class TracedFunction implements AutoCloseable {
    private final NativeFunction function;

    TracedFunction(NativeFunction function) {
        this.function = function;
    }

    /** Runs the function. Arguments are positional: Tensor, List of tensors, Map of tensors, tuples. */
    public Object call(Object... args) {
        return function.call(Arrays.asList(args));
    }

    /** Name, argument types (the unshaped types of the example inputs) and return type. */
    public MethodInfo signature() {
        return function.info();
    }

    /** The recorded graph as LibTorch prints it. */
    public String graph() {
        return function.graphText();
    }

    /** Saves as a TorchScript archive; it loads back (here, in PyTorch or LibTorch) as a module with this forward. */
    public void save(Path path) {
        try (ScriptModule m = toModule()) {
            Jit.save(m, path);
        }
    }

    /** Saves lite-interpreter bytecode for LibTorch's mobile loader; {@code Jit.load} reads it too. */
    public void saveForMobile(Path path) {
        try (ScriptModule m = toModule()) {
            Jit.saveForMobile(m, path);
        }
    }

    /** The archive {@link #save} would write, as bytes. */
    public byte[] serialize() {
        try (ScriptModule m = toModule()) {
            return Jit.toBytes(m);
        }
    }

    /** The function as {@code forward} of a new module (what {@link #save} writes). */
    public ScriptModule toModule() {
        return Handles.wrap(function.toModule());
    }

    @Override
    public void close() {
        function.close();
    }

    @Override
    public String toString() {
        return "<script_function>";
    }
}
