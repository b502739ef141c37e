package io.tsstudio.engine.export.triton;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.files.AtomicWrite;
import io.tsstudio.engine.values.ValueJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a TorchScript module as a Triton model repository entry: {@code REPO/NAME/config.pbtxt} and
 * {@code REPO/NAME/VERSION/model.pt}, for Triton's {@code pytorch_libtorch} backend.
 * <p>
 * Inputs are named after {@code forward}'s arguments (the backend's FORWARD_ARGUMENT convention), or after the keys
 * of a single {@code Dict[str, Tensor]} argument; outputs are {@code OUTPUT__0, OUTPUT__1, ...} (its
 * {@code <name>__<index>} convention), in the order of the returned Tuple. Shapes and dtypes come, in this order of
 * precedence, from the request's {@code dims}/{@code dtypes}, from a run on the example inputs, or (without examples)
 * from two runs on zeros shaped by the input dims, where output dims that differ between the runs are written -1.
 * <p>
 * <b>Versions and "in step".</b> Exporting again to the same repository and name adds the next version folder
 * ({@code 2/}, {@code 3/}, ...) and rewrites {@code config.pbtxt} whole from the new export, so the config always
 * describes the newest version: the one Triton serves under its default version policy (latest 1). Older version
 * folders are kept; when the new config differs from the one it replaces, the plan's notes say so, because Triton
 * would check an older version against the new inputs and outputs if a version policy asked for it. The version folder
 * is written under a hidden temporary name and renamed into place before the config is replaced, so Triton never sees a
 * version folder without its model.
 */
public final class TritonExport {
    private static final int SMALL = 16;

    private TritonExport() {
    }

    /** Plans and writes in one step. */
    public static TritonExportResult export(ScriptModule module, TritonExportRequest request) {
        return write(module, plan(module, request));
    }

    /**
     * Works out the config: checks forward's types, runs the model where shapes must be observed, and picks the version.
     * Writes nothing. Throws {@link TritonExportException} for what Triton cannot serve or what is missing.
     */
    public static TritonPlan plan(ScriptModule module, TritonExportRequest request) {
        TritonSignature sig = TritonSignature.of(module);
        List<Object> examples = request.exampleInputs();
        if (!examples.isEmpty() && examples.size() != sig.arguments().size()) {
            throw new TritonExportException("forward takes " + sig.arguments().size() + " argument(s) (" + String.join(", ", sig.arguments())
                    + ") but " + examples.size() + " example input(s) were given");
        }
        List<String> inputNames = inputNames(sig, request);
        Map<String, Tensor> exampleByName = exampleTensors(sig, inputNames, examples);
        int batch = request.maxBatchSize();

        Observation observed;
        if (!examples.isEmpty()) {
            observed = observe(module, examples, null);
        } else if (sig.outputCount() > 0 && allGiven(request, outputNames(sig.outputCount()))) {
            observed = null;
        } else {
            observed = observeWithZeros(module, sig, inputNames, request);
        }

        List<TritonTensor> inputs = new ArrayList<>();
        for (String name : inputNames) {
            Tensor example = exampleByName.get(name);
            long[] shape = example == null ? null : example.shape();
            DType dtype = request.dtypes().getOrDefault(name, example == null ? DType.FLOAT32 : example.dtype());
            inputs.add(new TritonTensor(name, dtype, dims(name, "input", shape, null, request)));
        }
        List<TritonTensor> outputs = new ArrayList<>();
        int outputCount = observed != null ? observed.shapes.size() : sig.outputCount();
        for (int i = 0; i < outputCount; i++) {
            String name = "OUTPUT__" + i;
            long[] shape = observed == null ? null : observed.shapes.get(i);
            long[] other = observed == null || observed.otherShapes == null ? null : observed.otherShapes.get(i);
            DType dtype = request.dtypes().getOrDefault(name, observed == null ? DType.FLOAT32 : observed.dtypes.get(i));
            outputs.add(new TritonTensor(name, dtype, dims(name, "output", shape, other, request)));
        }
        Set<String> known = new LinkedHashSet<>(inputNames);
        outputs.forEach(o -> known.add(o.name()));
        for (String n : concat(request.dims().keySet(), request.dtypes().keySet())) {
            if (!known.contains(n)) {
                throw new TritonExportException("'" + n + "' is neither an input nor an output of this model (they are: " + String.join(", ", known) + ")");
            }
        }
        TritonModelConfig config = new TritonModelConfig(request.name(), batch, inputs, outputs, request.instances(),
                request.dynamicBatching(), request.parameters());
        Path folder = request.repository().resolve(request.name());
        int version = nextVersion(folder);
        List<String> notes = new ArrayList<>();
        if (observed != null && observed.note != null) notes.add(observed.note);
        Path oldConfig = folder.resolve("config.pbtxt");
        if (Files.isRegularFile(oldConfig)) {
            try {
                String before = withoutComments(Files.readString(oldConfig, StandardCharsets.UTF_8));
                if (!before.equals(withoutComments(config.toPbtxt(version)))) {
                    notes.add("config.pbtxt changes: it will describe version " + version
                            + " (Triton serves the newest version by default); older version folders are kept as they are");
                }
            } catch (IOException e) {
                notes.add("cannot read the existing config.pbtxt (" + e.getMessage() + "): it will be replaced");
            }
        }
        return new TritonPlan(config, folder, version, notes);
    }

    /** Writes the plan: the version folder (renamed into place), then the config (atomically). */
    public static TritonExportResult write(ScriptModule module, TritonPlan plan) {
        Path folder = plan.modelFolder();
        Path versionDir = plan.modelFile().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            if (Files.exists(versionDir)) {
                throw new TritonExportException(versionDir + " already exists (written meanwhile?): export again to get the next version");
            }
            tmp = Files.createTempDirectory(folder, ".tsstudio-export-");
            copyPermissions(folder, tmp);
            Jit.save(module, tmp.resolve("model.pt"));
            try {
                Files.move(tmp, versionDir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                throw new TritonExportException(versionDir + " already exists (written meanwhile?): export again to get the next version");
            }
            tmp = null;
            AtomicWrite.writeString(plan.configFile(), plan.configText());
        } catch (IOException e) {
            throw new TritonExportException("cannot write " + folder + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
        return new TritonExportResult(plan);
    }

    // ---------------------------------------------------------------- names and examples

    private static List<String> inputNames(TritonSignature sig, TritonExportRequest request) {
        if (!sig.dictInput()) return sig.arguments();
        String arg = sig.arguments().get(0);
        if (!request.exampleInputs().isEmpty()) {
            if (!(request.exampleInputs().get(0) instanceof Map<?, ?> m) || m.isEmpty()) {
                throw new TritonExportException("argument '" + arg + "' is a Dict[str, Tensor]: its example must be a non-empty dict of tensors");
            }
            List<String> keys = new ArrayList<>();
            for (Object k : m.keySet()) keys.add(String.valueOf(k));
            return keys;
        }
        List<String> keys = new ArrayList<>();
        for (String n : concat(request.dims().keySet(), request.dtypes().keySet())) {
            if (!n.matches("OUTPUT__\\d+") && !keys.contains(n)) keys.add(n);
        }
        if (keys.isEmpty()) {
            throw new TritonExportException("argument '" + arg + "' is a Dict[str, Tensor]: Triton's inputs are its keys; give an "
                    + "example dict or dims for each key (KEY=d1,d2,...)");
        }
        return keys;
    }

    private static Map<String, Tensor> exampleTensors(TritonSignature sig, List<String> names, List<Object> examples) {
        Map<String, Tensor> byName = new LinkedHashMap<>();
        if (examples.isEmpty()) return byName;
        if (sig.dictInput()) {
            Map<?, ?> m = (Map<?, ?>) examples.get(0);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getValue() instanceof Tensor t)) throw new TritonExportException("example for key '" + e.getKey() + "' is not a tensor");
                byName.put(String.valueOf(e.getKey()), t);
            }
            return byName;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!(examples.get(i) instanceof Tensor t)) {
                throw new TritonExportException("example for argument '" + names.get(i) + "' is not a tensor");
            }
            byName.put(names.get(i), t);
        }
        return byName;
    }

    private static List<String> outputNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) names.add("OUTPUT__" + i);
        return names;
    }

    private static boolean allGiven(TritonExportRequest request, List<String> names) {
        return request.dims().keySet().containsAll(names);
    }

    // ---------------------------------------------------------------- shapes

    /** Output shapes and dtypes from runs; {@code otherShapes} from a second run with other dynamic sizes, or null. */
    private record Observation(List<long[]> shapes, List<DType> dtypes, List<long[]> otherShapes, String note) {
    }

    private static Observation observe(ScriptModule module, List<Object> args, List<Object> otherArgs) {
        Observation first = run(module, args);
        if (otherArgs == null) return first;
        try {
            Observation second = run(module, otherArgs);
            if (second.shapes.size() != first.shapes.size()) return first;
            return new Observation(first.shapes, first.dtypes, second.shapes, null);
        } catch (RuntimeException e) {
            return new Observation(first.shapes, first.dtypes, null, "outputs observed with one size only (a second run with other "
                    + "dynamic sizes failed: " + e.getMessage() + "); check their dims");
        }
    }

    private static Observation run(ScriptModule module, List<Object> args) {
        Object result;
        try (NoGrad g = NoGrad.enter()) {
            result = module.forward(args.toArray());
        }
        try {
            List<Object> items;
            if (result instanceof Tensor) items = List.of(result);
            else if (result instanceof JitTuple t) items = t.values();
            else if (result instanceof Map<?, ?>) {
                throw new TritonExportException("forward returned a Dict: Triton's libtorch backend reads outputs by position as OUTPUT__0, "
                        + "OUTPUT__1, ...; return a Tuple in a fixed order instead");
            } else {
                throw new TritonExportException("forward returned " + describe(result) + ": Triton's libtorch backend reads a Tensor or a Tuple of Tensors");
            }
            List<long[]> shapes = new ArrayList<>();
            List<DType> dtypes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof Tensor t)) {
                    throw new TritonExportException("output " + i + " of forward is " + describe(items.get(i)) + ": Triton reads each output as a Tensor");
                }
                shapes.add(t.shape());
                dtypes.add(t.dtype());
            }
            return new Observation(shapes, dtypes, null, null);
        } finally {
            ValueJson.closeTensors(result);
        }
    }

    private static String describe(Object v) {
        if (v == null) return "None";
        if (v instanceof List<?>) return "a List";
        return "a " + v.getClass().getSimpleName();
    }

    /**
     * Without examples, runs forward twice on zeros shaped by the input dims: batch 1 then 2, every -1 as 16 then 17.
     * Output dims that differ between the two runs are dynamic.
     */
    private static Observation observeWithZeros(ScriptModule module, TritonSignature sig, List<String> inputNames, TritonExportRequest request) {
        for (String n : inputNames) {
            if (!request.dims().containsKey(n)) {
                throw new TritonExportException("no shape for input '" + n + "': give example inputs (run the model once) or its dims ("
                        + n + "=d1,d2,... with -1 for dynamic)");
            }
        }
        List<Object> first = zeros(sig, inputNames, request, 1, SMALL);
        try {
            List<Object> second = zeros(sig, inputNames, request, 2, SMALL + 1);
            try {
                return observe(module, first, second);
            } finally {
                second.forEach(ValueJson::closeTensors);
            }
        } catch (TritonExportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TritonExportException("forward failed on zeros shaped by the given dims (" + e.getMessage()
                    + "): give example inputs instead", e);
        } finally {
            first.forEach(ValueJson::closeTensors);
        }
    }

    private static List<Object> zeros(TritonSignature sig, List<String> names, TritonExportRequest request, long batch, long dynamic) {
        Map<String, Tensor> made = new LinkedHashMap<>();
        for (String n : names) {
            List<Long> dims = request.dims().get(n);
            List<Long> shape = new ArrayList<>();
            if (request.maxBatchSize() > 0) shape.add(batch);
            for (long d : dims) shape.add(d < 0 ? dynamic : d);
            made.put(n, Tensors.zeros(shape.stream().mapToLong(Long::longValue).toArray(), request.dtypes().getOrDefault(n, DType.FLOAT32)));
        }
        if (sig.dictInput()) return new ArrayList<>(List.of(made));
        return new ArrayList<>(made.values());
    }

    private static List<Long> dims(String name, String what, long[] shape, long[] otherShape, TritonExportRequest request) {
        List<Long> given = request.dims().get(name);
        if (given != null) return given;
        if (shape == null) {
            throw new TritonExportException("no shape for " + what + " '" + name + "': give example inputs or its dims (" + name + "=d1,d2,...)");
        }
        int from = 0;
        if (request.maxBatchSize() > 0) {
            if (shape.length == 0) {
                throw new TritonExportException(what + " '" + name + "' is a 0-d tensor: with max_batch_size > 0 Triton batches along dimension 0, "
                        + "which it does not have (set max_batch_size 0, or give its dims)");
            }
            from = 1;
        }
        List<Long> dims = new ArrayList<>();
        for (int i = from; i < shape.length; i++) {
            boolean dynamic = otherShape != null && (otherShape.length != shape.length || otherShape[i] != shape[i]);
            dims.add(dynamic ? -1L : shape[i]);
        }
        return dims;
    }

    // ---------------------------------------------------------------- files

    /** One more than the highest numeric folder in {@code folder}, or 1. */
    static int nextVersion(Path folder) {
        if (!Files.isDirectory(folder)) {
            if (Files.exists(folder)) throw new TritonExportException(folder + " exists and is not a folder");
            return 1;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> n.matches("[1-9][0-9]{0,8}"))
                    .mapToInt(Integer::parseInt).max().orElse(0) + 1;
        } catch (IOException e) {
            throw new TritonExportException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String withoutComments(String config) {
        return Arrays.stream(config.split("\n")).filter(l -> !l.stripLeading().startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (view != null) view.setPermissions(Files.getPosixFilePermissions(from));
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // best effort: a leftover hidden folder is ignored by Triton
                }
            });
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    private static List<String> concat(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        for (String s : b) if (!all.contains(s)) all.add(s);
        return all;
    }
}
