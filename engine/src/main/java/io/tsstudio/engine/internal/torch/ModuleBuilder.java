package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.Graph;
import org.bytedeco.pytorch.GraphFunction;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.Value;

import java.util.HashMap;
import java.util.Map;

/** Builds TorchScript module skeletons for traced Java modules, and the mode-dispatching forward of respect mode. */
public final class ModuleBuilder {
    private static final Map<String, Integer> NAME_COUNTS = new HashMap<>();

    private ModuleBuilder() {
    }

    /**
     * What a module skeleton holds: own parameters and buffers (the same tensors, so storage is shared), and
     * children, each either another spec or an existing script module that is reused as it is.
     */
    public record Spec(String className, boolean training, Map<String, io.tsstudio.engine.Tensor> parameters,
                       Map<String, io.tsstudio.engine.Tensor> buffers, Map<String, Object> children) {
    }

    static synchronized String uniqueName(String base) {
        String clean = base.replaceAll("[^A-Za-z0-9_]", "_");
        if (clean.isEmpty() || Character.isDigit(clean.charAt(0))) clean = "M" + clean;
        int n = NAME_COUNTS.merge(clean, 1, Integer::sum) - 1;
        return n == 0 ? clean : clean + n;
    }

    /**
     * Builds the skeleton in a compilation unit of its own (the module object keeps it alive), so traces on
     * different threads never share one; class names stay unique per process so archives never hold two
     * different classes of one name.
     */
    public static NativeModule build(Spec spec) {
        try (PointerScope s = new PointerScope()) {
            return NativeModule.own(buildRaw(spec, new CompilationUnit()));
        }
    }

    private static JitModule buildRaw(Spec spec, CompilationUnit cu) {
        JitModule m = ModuleFactory.withTrainingFlag(
                new JitModule(new QualifiedName("__torch__." + uniqueName(spec.className())), cu, false), spec.training());
        for (Map.Entry<String, io.tsstudio.engine.Tensor> e : spec.parameters().entrySet()) {
            m.register_parameter(e.getKey(), Handles.of(e.getValue()).share(), false);
        }
        for (Map.Entry<String, io.tsstudio.engine.Tensor> e : spec.buffers().entrySet()) {
            m.register_buffer(e.getKey(), Handles.of(e.getValue()).share());
        }
        for (Map.Entry<String, Object> e : spec.children().entrySet()) {
            Object c = e.getValue();
            if (c instanceof Spec cs) m.register_module(e.getKey(), buildRaw(cs, cu));
            else if (c instanceof NativeModule nm) {
                try (NativeLifetime.Use use = nm.use()) {
                    m.register_module(e.getKey(), nm.get()); // the parent now holds its own reference to the child
                }
            }
            else throw new TorchException("child '" + e.getKey() + "' is neither a module nor a script module");
        }
        return m;
    }

    /**
     * Adds a TorchScript {@code forward} that calls {@code trainforward} or {@code evalforward} by
     * {@code self.training}. Its signature copies the traced graph's inputs and output (unshaped), so a
     * {@code List[Tensor]} input stays a list (the trap of R torch issue #1252).
     */
    public static void defineModeDispatch(NativeModule module) {
        try (NativeLifetime.Use use = module.useExclusive(); PointerScope s = new PointerScope()) {
            JitModule m = module.get();
            Function train = m.type().findMethod("trainforward");
            Function eval = m.type().findMethod("evalforward");
            if (train == null || eval == null) throw new TorchException("respect mode needs both trainforward and evalforward");
            Graph g = new GraphFunction(train).graph();
            long n = g.inputs().size();
            StringBuilder params = new StringBuilder("self");
            StringBuilder args = new StringBuilder();
            for (long i = 1; i < n; i++) {
                Value in = g.inputs().get(i);
                String name = "argument_" + i;
                params.append(", ").append(name).append(": ").append(annotation(in));
                args.append(i == 1 ? "" : ", ").append(name);
            }
            String ret = annotation(g.outputs().get(0));
            String src = "def forward(" + params + ") -> " + ret + ":\n"
                    + "    if self.training:\n"
                    + "        return self.trainforward(" + args + ")\n"
                    + "    else:\n"
                    + "        return self.evalforward(" + args + ")\n";
            try {
                m.define(src);
            } catch (RuntimeException e) {
                throw new TorchException("could not generate the mode-dispatching forward:\n" + src + io.tsstudio.engine.ErrorText.clean(e.getMessage()), e);
            }
        }
    }

    private static String annotation(Value v) {
        return v.type().get().annotation_str().getString();
    }

    /** LibTorch's last executed optimized graph (per thread), as text; meaningful right after a call. */
    public static String lastExecutedOptimizedGraph() {
        try (PointerScope s = new PointerScope()) {
            org.bytedeco.pytorch.Graph g = org.bytedeco.pytorch.global.torch.lastExecutedOptimizedGraph();
            if (g == null || g.isNull()) throw new TorchException("no graph has been executed on this thread yet");
            return g.toString();
        }
    }
}
