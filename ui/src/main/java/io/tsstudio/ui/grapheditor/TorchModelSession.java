package io.tsstudio.ui.grapheditor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.values.NpyWriter;
import io.tsstudio.ui.concurrent.TaskRunner;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.script.BuiltModel;
import io.tsstudio.ui.grapheditor.script.CodeSync;
import io.tsstudio.ui.grapheditor.script.ExampleInputs;
import io.tsstudio.ui.grapheditor.script.GraphArchive;
import io.tsstudio.ui.grapheditor.script.GraphTracer;
import io.tsstudio.ui.grapheditor.script.IrImport;
import io.tsstudio.ui.grapheditor.script.ModelWeights;
import io.tsstudio.ui.grapheditor.script.ScriptBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real {@link ModelSession}: LibTorch for compile, trace, save, open and code, ELK for layout. It is the only
 * owner of the module and the weights; the view model never sees them, and runs one job at a time, so nothing here
 * is shared with the UI thread. Every entry point first checks it is not on the UI thread (a violation throws at
 * once instead of freezing the window).
 */
public final class TorchModelSession implements ModelSession {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskRunner threads;
    private ModelWeights weights = new ModelWeights();
    private ScriptModule module;
    private boolean closed;

    /** {@code threads} tells which thread is the UI thread, for the guard. */
    public TorchModelSession(TaskRunner threads) {
        this.threads = threads;
    }

    @Override
    public synchronized Built compile(GraphDocument snapshot) {
        enter("compile");
        BuiltModel built = ScriptBuilder.build(snapshot, weights);
        replaceModule(built.module());
        return new Built(built.script().submodules().size() + " submodules, " + module.totalParameterCount() + " parameters", ir(module));
    }

    @Override
    public synchronized Built trace(GraphDocument snapshot) {
        enter("trace");
        List<Object> inputs = ExampleInputs.make(snapshot);
        try {
            replaceModule(GraphTracer.trace(snapshot, weights, inputs.toArray()));
            return new Built("traced on example inputs", ir(module));
        } finally {
            closeTensors(inputs);
        }
    }

    @Override
    public synchronized void save(GraphDocument snapshot, Path file) {
        enter("save");
        BuiltModel built = ScriptBuilder.build(snapshot, weights);
        replaceModule(built.module());
        GraphArchive.save(module, snapshot, file);
    }

    @Override
    public synchronized Opened open(Path file) {
        enter("open");
        GraphArchive.Opened opened = GraphArchive.open(file);
        ModelWeights fresh = new ModelWeights();
        try {
            GraphDocument content;
            List<String> unmapped = List.of();
            if (opened.document().isPresent()) {
                content = opened.document().get();
                GraphArchive.readWeights(opened.module(), content, fresh);
            } else {
                IrImport.Result r = IrImport.fromModule(opened.module(), fresh, null);
                content = r.document();
                unmapped = r.unmapped();
            }
            weights.close();
            weights = fresh;
            replaceModule(opened.module());
            return new Opened(content, opened.document().isPresent(), unmapped, opened.skipped(), ir(module));
        } catch (RuntimeException e) {
            fresh.close();
            opened.module().close();
            throw e;
        }
    }

    @Override
    public synchronized Applied applyCode(String code, GraphDocument snapshot) {
        enter("apply code");
        CodeSync.Outcome o = CodeSync.apply(code, snapshot, weights);
        replaceModule(o.built().module());
        return new Applied(o.document(), o.unmapped(), ir(module));
    }

    @Override
    public synchronized RunnableModel export(GraphDocument snapshot, Path dir) {
        enter("export");
        if (module == null) replaceModule(ScriptBuilder.build(snapshot, weights).module());
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(fileName(snapshot.title()) + ".pt");
            GraphArchive.save(module, snapshot, file);
            return new RunnableModel(file, exampleArguments(snapshot, dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, double[]> layout(GraphDocument snapshot, Set<String> only) {
        enter("auto-layout");
        return AutoLayout.positions(snapshot, only);
    }

    /** The current module, for engine-level tests; owned by the session. */
    public synchronized java.util.Optional<ScriptModule> module() {
        return java.util.Optional.ofNullable(module);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (module != null) module.close();
        module = null;
        weights.close();
    }

    private void enter(String what) {
        threads.checkOffUiThread("the graph editor's " + what);
        if (closed) throw new IllegalStateException("the graph editor was closed");
    }

    private void replaceModule(ScriptModule m) {
        if (module != null && module != m) module.close();
        module = m;
    }

    private static String ir(ScriptModule m) {
        try {
            return m.graphText("forward");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /**
     * The example inputs as run-request arguments: tensors as {@code .npy} files beside the model (the same seeded
     * values an in-process run would use), other values as JSON literals.
     */
    private static List<String> exampleArguments(GraphDocument snapshot, Path dir) throws IOException {
        List<Object> values = ExampleInputs.make(snapshot);
        try {
            List<String> args = new ArrayList<>();
            var inputs = snapshot.blocksOf(BlockKind.INPUT);
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof Tensor t) {
                    Path npy = dir.resolve("input-" + i + ".npy");
                    NpyWriter.write(t, npy);
                    args.add(JSON.createObjectNode().put("file", npy.toAbsolutePath().toString()).toString());
                } else {
                    args.add(literal(v, inputs.get(i).name()));
                }
            }
            return args;
        } finally {
            closeTensors(values);
        }
    }

    private static String literal(Object v, String input) {
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("input '" + input + "': its example " + v + " cannot be sent to the worker", e);
        }
    }

    private static String fileName(String title) {
        String s = title.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.isBlank() ? "graph" : s;
    }

    private static void closeTensors(List<Object> values) {
        for (Object o : values) if (o instanceof Tensor t) t.close();
    }
}
