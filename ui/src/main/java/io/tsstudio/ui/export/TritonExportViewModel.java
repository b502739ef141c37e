package io.tsstudio.ui.export;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.export.triton.BackendParameters;
import io.tsstudio.engine.export.triton.InstanceGroup;
import io.tsstudio.engine.export.triton.TritonExport;
import io.tsstudio.engine.export.triton.TritonExportException;
import io.tsstudio.engine.export.triton.TritonExportRequest;
import io.tsstudio.engine.export.triton.TritonExportResult;
import io.tsstudio.engine.export.triton.TritonPlan;
import io.tsstudio.engine.export.triton.TritonSignature;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * File › Export › Triton model repository: the dialog's state, prefilled from forward's schema and the run panel's
 * last shapes, with a live preview of {@code config.pbtxt} and the files an export writes. Plans and writes run on
 * {@code io} (planning may run the model on zeros to learn output shapes); results come back on {@code ui}.
 * Toolkit-free: testable without JavaFX running.
 */
public final class TritonExportViewModel {
    /** Triton's instance_group choice: its own default, or all instances of one kind. */
    public enum Instances { DEFAULT, CPU, GPU }

    /** A backend flag left to the backend's default, or set. */
    public enum Flag { DEFAULT, TRUE, FALSE }

    /** One input or output row: its name, its dtype and its config dims as editable text. */
    public static final class IoRow {
        private final String name;
        private final boolean input;
        private final List<Long> observed;
        private final ObjectProperty<DType> dtype = new SimpleObjectProperty<>(DType.FLOAT32);
        private final StringProperty dims = new SimpleStringProperty("");
        private boolean edited;
        private boolean dtypeGiven;
        private boolean applying;

        IoRow(String name, boolean input, RunShapes.Shape observed) {
            this.name = name;
            this.input = input;
            this.observed = observed == null ? null : observed.dims();
            if (observed != null) dtype.set(observed.dtype());
            dtypeGiven = observed != null;
            dims.addListener(o -> {
                if (!applying) edited = true;
            });
            dtype.addListener(o -> {
                if (!applying) dtypeGiven = true;
            });
        }

        public String name() {
            return name;
        }

        public boolean isInput() {
            return input;
        }

        public ObjectProperty<DType> dtypeProperty() {
            return dtype;
        }

        /** Comma-separated dims as the config writes them (-1 dynamic); blank: let the export work them out. */
        public StringProperty dimsProperty() {
            return dims;
        }

        /** Dims follow the last run (batch dimension dropped when batching) until the user edits them. */
        void follow(int maxBatchSize) {
            if (edited || observed == null) return;
            List<Long> d = maxBatchSize > 0 && !observed.isEmpty() ? observed.subList(1, observed.size()) : observed;
            applying = true;
            try {
                dims.set(String.join(", ", d.stream().map(String::valueOf).toList()));
            } finally {
                applying = false;
            }
        }

        /** Shows the dtype the export worked out for a row nobody gave one, without making it the user's. */
        void adopt(DType planned) {
            if (dtypeGiven || planned == dtype.get()) return;
            applying = true;
            try {
                dtype.set(planned);
            } finally {
                applying = false;
            }
        }

        List<Long> parsedDims() {
            String t = dims.get().trim();
            List<Long> out = new ArrayList<>();
            if (t.isEmpty()) return null;
            for (String part : t.split("[,\\s]+")) {
                if (part.isEmpty()) continue;
                try {
                    out.add(Long.parseLong(part));
                } catch (NumberFormatException e) {
                    throw new TritonExportException("dims of '" + name + "': '" + part + "' is not a whole number (-1 for dynamic)");
                }
            }
            return out;
        }
    }

    private final ScriptModule module;
    private final Executor io;
    private final Executor ui;
    private final StringProperty repository = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final IntegerProperty maxBatchSize = new SimpleIntegerProperty(0);
    private final BooleanProperty dynamicBatching = new SimpleBooleanProperty(false);
    private final ObjectProperty<Instances> instances = new SimpleObjectProperty<>(Instances.DEFAULT);
    private final IntegerProperty instanceCount = new SimpleIntegerProperty(1);
    private final ObjectProperty<Flag> inferenceMode = new SimpleObjectProperty<>(Flag.DEFAULT);
    private final BooleanProperty disableOptimizedExecution = new SimpleBooleanProperty(false);
    private final StringProperty intraOpThreads = new SimpleStringProperty("");
    private final StringProperty interOpThreads = new SimpleStringProperty("");
    private final ObservableList<IoRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper files = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(false);
    private final String schemaRefusal;
    /** Written on the UI thread, read on the engine lane: a plan already stale when its turn comes is skipped. */
    private volatile long generation;
    private CompletableFuture<Void> lastPreview = CompletableFuture.completedFuture(null);

    /**
     * @param module    the open model (the studio keeps it open while the dialog is up)
     * @param modelFile its file: the default repository is {@code model_repository} beside it, the default name its stem
     * @param lastRun   the run panel's last shapes for this model ({@link RunShapes#NONE} without a run)
     */
    public TritonExportViewModel(ScriptModule module, Path modelFile, RunShapes lastRun, Executor io, Executor ui) {
        this.module = module;
        this.io = io;
        this.ui = ui;
        Path dir = modelFile == null ? Path.of("").toAbsolutePath() : modelFile.toAbsolutePath().getParent();
        repository.set(dir.resolve("model_repository").toString());
        name.set(defaultName(modelFile));
        String refusal = null;
        try {
            TritonSignature sig = TritonSignature.of(module);
            if (sig.dictInput()) {
                refusal = "forward takes one Dict[str, Tensor]: its keys become Triton's inputs, which this dialog cannot list; "
                        + "export it with: tsstudio export triton FILE --out DIR --arg '{\"KEY\": ...}'";
            } else {
                for (String arg : sig.arguments()) rows.add(new IoRow(arg, true, lastRun.inputs().get(arg)));
                int outputs = !lastRun.outputs().isEmpty() ? lastRun.outputs().size() : Math.max(sig.outputCount(), 1);
                for (int i = 0; i < outputs; i++) {
                    rows.add(new IoRow("OUTPUT__" + i, false, i < lastRun.outputs().size() ? lastRun.outputs().get(i) : null));
                }
            }
        } catch (TritonExportException e) {
            refusal = e.getMessage();
        }
        schemaRefusal = refusal;
        rows.forEach(r -> r.follow(0));
        maxBatchSize.addListener(o -> rows.forEach(r -> r.follow(maxBatchSize.get())));
        maxBatchSize.addListener(o -> {
            if (maxBatchSize.get() == 0) dynamicBatching.set(false);
        });
        for (Observable p : new Observable[] {repository, name, maxBatchSize, dynamicBatching, instances, instanceCount, inferenceMode,
                disableOptimizedExecution, intraOpThreads, interOpThreads}) {
            p.addListener(o -> refresh());
        }
        for (IoRow r : rows) {
            r.dims.addListener(o -> refresh());
            r.dtype.addListener(o -> refresh());
        }
    }

    static String defaultName(Path modelFile) {
        if (modelFile == null) return "model";
        String n = modelFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        n = n.replaceAll("[^A-Za-z0-9_.-]", "_").replaceFirst("^\\.+", "");
        return n.isEmpty() ? "model" : n;
    }

    /** The request the fields describe; a {@link TritonExportException} says which field is wrong. */
    TritonExportRequest request() {
        if (schemaRefusal != null) throw new TritonExportException(schemaRefusal);
        if (repository.get().isBlank()) throw new TritonExportException("choose a repository folder");
        Map<String, List<Long>> dims = new LinkedHashMap<>();
        Map<String, DType> dtypes = new LinkedHashMap<>();
        for (IoRow r : rows) {
            List<Long> d = r.parsedDims();
            if (d != null) dims.put(r.name, d);
            if (r.dtypeGiven) dtypes.put(r.name, r.dtype.get());
        }
        InstanceGroup group = switch (instances.get()) {
            case DEFAULT -> null;
            case CPU -> new InstanceGroup(InstanceGroup.Kind.CPU, Math.max(1, instanceCount.get()));
            case GPU -> new InstanceGroup(InstanceGroup.Kind.GPU, Math.max(1, instanceCount.get()));
        };
        BackendParameters params;
        try {
            params = new BackendParameters(switch (inferenceMode.get()) {
                case DEFAULT -> null;
                case TRUE -> true;
                case FALSE -> false;
            }, disableOptimizedExecution.get() ? Boolean.TRUE : null, threads(intraOpThreads, "intra-op"), threads(interOpThreads, "inter-op"));
        } catch (IllegalArgumentException e) {
            throw new TritonExportException(e.getMessage());
        }
        return TritonExportRequest.of(Path.of(repository.get().trim()), name.get().trim()).withMaxBatchSize(maxBatchSize.get())
                .withDynamicBatching(dynamicBatching.get() && maxBatchSize.get() > 0).withDims(dims).withDtypes(dtypes)
                .withInstances(group).withParameters(params);
    }

    private static Integer threads(StringProperty text, String what) {
        String t = text.get().trim();
        if (t.isEmpty()) return null;
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new TritonExportException(what + " threads: '" + t + "' is not a whole number (leave it empty for the backend's default)");
        }
    }

    /** Plans again with the current fields (off the UI thread) and updates the preview; later calls win. */
    public CompletableFuture<Void> refresh() {
        long mine = ++generation;
        TritonExportRequest request;
        try {
            request = request();
        } catch (TritonExportException e) {
            showError(e.getMessage());
            lastPreview = CompletableFuture.completedFuture(null);
            return lastPreview;
        }
        // one field change fires several refreshes (a batch size change sets every row's dims): only the newest plans
        lastPreview = CompletableFuture.supplyAsync(() -> mine == generation ? TritonExport.plan(module, request) : null, io).handleAsync((plan, e) -> {
            if (mine != generation) return null;
            if (e != null) showError(message(e));
            else showPlan(plan);
            return null;
        }, ui);
        return lastPreview;
    }

    private void showPlan(TritonPlan plan) {
        error.set(null);
        List<io.tsstudio.engine.export.triton.TritonTensor> planned = new ArrayList<>(plan.config().inputs());
        planned.addAll(plan.config().outputs());
        for (IoRow r : rows) {
            planned.stream().filter(t -> t.name().equals(r.name)).findFirst().ifPresent(t -> r.adopt(t.dtype()));
        }
        preview.set(plan.configText());
        StringBuilder b = new StringBuilder();
        for (Path p : plan.files()) b.append(p).append('\n');
        for (String n : plan.notes()) b.append("note: ").append(n).append('\n');
        files.set(b.toString());
        canExport.set(!busy.get());
    }

    private void showError(String message) {
        error.set(message);
        preview.set("");
        files.set("");
        canExport.set(false);
    }

    /** Writes what the preview shows; the result's tree goes to {@link #statusProperty()}. */
    public CompletableFuture<TritonExportResult> export() {
        TritonExportRequest request;
        try {
            request = request();
        } catch (TritonExportException e) {
            showError(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        busy.set(true);
        canExport.set(false);
        status.set("Exporting\u2026");
        return CompletableFuture.supplyAsync(() -> TritonExport.export(module, request), io).whenCompleteAsync((r, e) -> {
            busy.set(false);
            if (e != null) {
                status.set("");
                showError(message(e));
            } else {
                status.set("Exported version " + r.plan().version() + ":\n" + r.tree());
                refresh();
            }
        }, ui);
    }

    private static String message(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    public StringProperty repositoryProperty() {
        return repository;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public IntegerProperty maxBatchSizeProperty() {
        return maxBatchSize;
    }

    public BooleanProperty dynamicBatchingProperty() {
        return dynamicBatching;
    }

    public ObjectProperty<Instances> instancesProperty() {
        return instances;
    }

    public IntegerProperty instanceCountProperty() {
        return instanceCount;
    }

    public ObjectProperty<Flag> inferenceModeProperty() {
        return inferenceMode;
    }

    public BooleanProperty disableOptimizedExecutionProperty() {
        return disableOptimizedExecution;
    }

    public StringProperty intraOpThreadsProperty() {
        return intraOpThreads;
    }

    public StringProperty interOpThreadsProperty() {
        return interOpThreads;
    }

    public ObservableList<IoRow> rows() {
        return rows;
    }

    /** The config.pbtxt the export would write (empty while the fields are wrong). */
    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The files the export would write, one a line, then any notes. */
    public ReadOnlyStringProperty filesProperty() {
        return files.getReadOnlyProperty();
    }

    /** What is wrong with the fields or the model, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** After an export: the version written and the model folder's tree. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }
}
