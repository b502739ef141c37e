package io.tsstudio.engine.run;

import io.tsstudio.engine.values.NpyWriter;

import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.JitObject;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ModelFiles;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One model being run: load it on a device, run a method with JSON arguments through the {@link Runner}, keep the
 * last output so it can be saved. What the worker process does for each request, and what a test or benchmark does
 * in-process. Not thread-safe between requests (the worker serves one at a time); a run itself may use several
 * callers.
 */
public final class ModelSession implements AutoCloseable {
    private ScriptModule module;
    private Device device = Device.CPU;
    private Object lastOutput;

    /**
     * Loads a TorchScript archive ({@code .pt}, or any zip PyTorch wrote) or TorchScript source (as
     * {@link ModelFiles#isSource} tells: its functions become the methods) onto {@code device}, replacing the model
     * loaded before.
     */
    public List<MethodInfo> load(Path file, Device device) throws IOException {
        ScriptModule loaded = ModelFiles.isSource(file) ? compile(file, device) : Jit.load(file, device);
        close();
        this.module = loaded;
        this.device = device;
        return loaded.methods();
    }

    private static ScriptModule compile(Path file, Device device) throws IOException {
        try (CompilationUnit cu = Jit.compile(Files.readString(file))) {
            ScriptModule m = cu.toModule("Script");
            if (!device.isCpu()) m.to(device);
            return m;
        }
    }

    public ScriptModule module() {
        if (module == null) throw new IllegalStateException("no model is loaded");
        return module;
    }

    public Device device() {
        return device;
    }

    /** Arguments {@code method} will likely accept, read from the loaded model ({@link InputProposal}). */
    public List<ProposedInput> propose(String method) {
        return InputProposal.propose(module(), method);
    }

    /** Runs {@code request}; arguments are decoded by the method's declared types, as {@code tsstudio run --arg} does. */
    public RunOutcome run(RunRequest request, RunListener listener, CancelToken token) throws Exception {
        ScriptModule m = module();
        MethodInfo info = m.method(request.method());
        List<Object> args = RunValues.decodeArguments(info, request.argsJson(), device);
        try {
            TimedCall t = TimedCall.run(m, request.method(), args, request.plan(), listener, token);
            release(lastOutput);
            lastOutput = t.output();
            return new RunOutcome(RunValues.encode(t.output()), OutputTrees.of(t.output()), t.stats(), device.toString(),
                    t.mode().label(), Torch.intraOpThreads());
        } finally {
            args.forEach(ModelSession::release);
        }
    }

    /**
     * {@code request}'s arguments decoded for the loaded model, as {@link #run} decodes them; the caller closes them
     * (an observed run, which calls the method its own way).
     */
    public List<Object> decodeArguments(RunRequest request) {
        return RunValues.decodeArguments(module().method(request.method()), request.argsJson(), device);
    }

    /** Makes {@code output} (a result the caller got by other means: an observed run) the one {@link #saveOutput} saves. */
    public void keepOutput(Object output) {
        release(lastOutput);
        lastOutput = output;
    }

    /**
     * The outcome of a run that returned {@code output} on this session's device, as {@link #run} reports it;
     * {@code how} says how it ran (an observed run is timed node by node, not as a benchmark).
     */
    public RunOutcome outcomeOf(Object output, RunStats stats, String how) {
        return new RunOutcome(RunValues.encode(output), OutputTrees.of(output), stats, device.toString(), how,
                Torch.intraOpThreads());
    }

    /** Closes the native values inside arguments or a result. */
    public static void releaseValues(Object v) {
        release(v);
    }

    /** Saves the last output (or its part at {@code path}): {@code .npy} for one tensor, else {@code .pt}. */
    public void saveOutput(List<Integer> path, Path file) throws IOException {
        if (lastOutput == null) throw new IllegalStateException("there is no output to save yet: run the model first");
        Object v = at(lastOutput, path);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            if (!(v instanceof Tensor t)) throw new IllegalArgumentException("only a single tensor can be saved as .npy; pick one in the outputs tree");
            NpyWriter.write(t, file);
        } else {
            RunValues.savePt(v, file);
        }
    }

    private static Object at(Object v, List<Integer> path) {
        for (int i : path) {
            if (v instanceof JitTuple t) v = t.get(i);
            else if (v instanceof List<?> l) v = l.get(i);
            else if (v instanceof Map<?, ?> m) v = new ArrayList<>(m.values()).get(i);
            else throw new IllegalArgumentException("no output at " + path);
        }
        return v;
    }

    /** Closes the native values inside a result or argument. */
    static void release(Object v) {
        if (v instanceof Tensor t) t.close();
        else if (v instanceof JitObject o) o.close();
        else if (v instanceof JitTuple t) t.values().forEach(ModelSession::release);
        else if (v instanceof List<?> l) l.forEach(ModelSession::release);
        else if (v instanceof Map<?, ?> m) m.values().forEach(ModelSession::release);
    }

    @Override
    public void close() {
        release(lastOutput);
        lastOutput = null;
        if (module != null) module.close();
        module = null;
    }
}
