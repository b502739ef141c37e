package io.tsstudio.app.cli;

import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.export.triton.BackendParameters;
import io.tsstudio.engine.export.triton.InstanceGroup;
import io.tsstudio.engine.export.triton.TritonExport;
import io.tsstudio.engine.export.triton.TritonExportException;
import io.tsstudio.engine.export.triton.TritonExportRequest;
import io.tsstudio.engine.export.triton.TritonExportResult;
import io.tsstudio.engine.export.triton.TritonPlan;
import io.tsstudio.engine.export.triton.TritonSignature;
import io.tsstudio.engine.values.ValueJson;
import io.tsstudio.engine.run.InputProposal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tsstudio export triton FILE --out DIR [--name NAME] [--max-batch-size N] [--arg JSON]... [--instances
 * cpu|gpu[:COUNT]] [--dynamic-batching] [--dims NAME=d1,d2,...]...}: writes a Triton model repository entry.
 */
@Command(name = "triton", mixinStandardHelpOptions = true,
        description = {"Write a Triton Inference Server model repository entry: DIR/NAME/config.pbtxt and DIR/NAME/VERSION/model.pt.",
                "",
                "Inputs are named after forward's arguments (or the keys of one Dict[str, Tensor] argument), outputs",
                "OUTPUT__0, OUTPUT__1, ... Shapes come from a run on the --arg inputs (as for 'run'), or from --dims;",
                "without either, inputs are proposed from the model and printed. With --max-batch-size N > 0 the batch",
                "dimension is left out of dims. Exporting again to the same DIR and NAME adds the next version folder",
                "and rewrites config.pbtxt for it. Types Triton cannot serve (List, Tuple, str, Optional inputs, Dict",
                "outputs) are refused with exit status 2.",
                ""})
final class ExportTritonCommand extends ModelCommand {
    @Mixin
    ModelFile file = new ModelFile();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the model repository folder (created if missing)")
    String out;

    @Option(names = "--name", paramLabel = "NAME", description = "the model's name and folder (default: FILE's name without .pt)")
    String name;

    @Option(names = "--max-batch-size", paramLabel = "N", defaultValue = "0", description = "max_batch_size (default: ${DEFAULT-VALUE}: no batching)")
    int maxBatchSize;

    @Option(names = "--arg", paramLabel = "JSON", description = "an example input of forward as JSON, or @FILE.json (as for 'run'); repeat for each")
    List<String> args = new ArrayList<>();

    @Option(names = "--dims", paramLabel = "NAME=D1,D2,...", description = "dims of an input or output (OUTPUT__i) as written in the config; -1 is dynamic")
    List<String> dims = new ArrayList<>();

    @Option(names = "--dtype", paramLabel = "NAME=DTYPE", description = "element type of an input or output without an example (default float32)")
    List<String> dtypes = new ArrayList<>();

    @Option(names = "--instances", paramLabel = "KIND[:COUNT]", description = "instance_group: cpu or gpu, with an optional count (gpu:2)")
    String instances;

    @Option(names = "--dynamic-batching", description = "let Triton batch requests (needs --max-batch-size > 0)")
    boolean dynamicBatching;

    @Option(names = "--inference-mode", paramLabel = "true|false", arity = "1", description = "backend parameter INFERENCE_MODE")
    Boolean inferenceMode;

    @Option(names = "--disable-optimized-execution", description = "backend parameter DISABLE_OPTIMIZED_EXECUTION: true")
    boolean disableOptimizedExecution;

    @Option(names = "--intra-op-threads", paramLabel = "N", description = "backend parameter INTRA_OP_THREAD_COUNT")
    Integer intraOpThreads;

    @Option(names = "--inter-op-threads", paramLabel = "N", description = "backend parameter INTER_OP_THREAD_COUNT")
    Integer interOpThreads;

    @Override
    int run(PrintWriter printer) {
        Device cpu = Device.CPU;
        try (ScriptModule m = file.load(cpu)) {
            m.eval();
            List<Object> examples = new ArrayList<>();
            try {
                TritonSignature sig = TritonSignature.of(m);
                Map<String, List<Long>> dimsByName = parseDims();
                examples.addAll(examples(m, sig, dimsByName, printer));
                TritonExportRequest request = request(dimsByName).withExampleInputs(examples);
                TritonPlan plan = TritonExport.plan(m, request);
                TritonExportResult result = TritonExport.write(m, plan);
                printer.print(result.tree());
                for (String note : plan.notes()) printer.println("note: " + note);
            } catch (TritonExportException e) {
                throw new UserError(e.getMessage());
            } finally {
                examples.forEach(ValueJson::closeTensors);
            }
        }
        return 0;
    }

    private TritonExportRequest request(Map<String, List<Long>> dimsByName) {
        String modelName = name != null ? name : defaultName(file.name);
        InstanceGroup group = null;
        BackendParameters params;
        try {
            if (instances != null) group = InstanceGroup.parse(instances);
            params = new BackendParameters(inferenceMode, disableOptimizedExecution ? Boolean.TRUE : null, intraOpThreads, interOpThreads);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (dynamicBatching && maxBatchSize == 0) {
            throw new UserError("--dynamic-batching needs --max-batch-size N > 0 (Triton batches along a dimension it leaves out of dims)");
        }
        return TritonExportRequest.of(Path.of(out), modelName).withMaxBatchSize(maxBatchSize).withDynamicBatching(dynamicBatching)
                .withDims(dimsByName).withDtypes(parseDtypes()).withInstances(group).withParameters(params);
    }

    /** The --arg values; with none, and inputs --dims does not cover, the inputs {@link InputProposal} reads from the model (printed). */
    private List<Object> examples(ScriptModule m, TritonSignature sig, Map<String, List<Long>> dimsByName, PrintWriter printer) {
        List<ArgumentInfo> declared = m.method("forward").arguments();
        if (args.isEmpty()) {
            boolean covered = !sig.dictInput() && dimsByName.keySet().containsAll(sig.arguments());
            if (covered || sig.dictInput() && !dimsByName.isEmpty()) return List.of();
            args = new ArrayList<>(CallArguments.proposed(m, "forward", "observing shapes with inputs proposed from the model", printer));
        }
        if (args.size() != declared.size()) {
            throw new UserError("forward takes " + declared.size() + " argument(s) (" + String.join(", ", sig.arguments()) + ") but "
                    + args.size() + " --arg were given");
        }
        return CallArguments.convert(args, declared, Device.CPU);
    }

    private Map<String, List<Long>> parseDims() {
        Map<String, List<Long>> byName = new LinkedHashMap<>();
        for (String d : dims) {
            int eq = d.indexOf('=');
            if (eq <= 0) throw new UserError("--dims " + d + ": expected NAME=D1,D2,... (e.g. --dims x=3,-1,-1)");
            List<Long> values = new ArrayList<>();
            String list = d.substring(eq + 1).trim();
            if (!list.isEmpty()) {
                for (String v : list.split(",")) {
                    try {
                        values.add(Long.parseLong(v.trim()));
                    } catch (NumberFormatException e) {
                        throw new UserError("--dims " + d + ": '" + v.trim() + "' is not a whole number (-1 for dynamic)");
                    }
                }
            }
            byName.put(d.substring(0, eq).trim(), values);
        }
        return byName;
    }

    private Map<String, DType> parseDtypes() {
        Map<String, DType> byName = new LinkedHashMap<>();
        for (String d : dtypes) {
            int eq = d.indexOf('=');
            if (eq <= 0) throw new UserError("--dtype " + d + ": expected NAME=DTYPE (e.g. --dtype tokens=int64)");
            try {
                byName.put(d.substring(0, eq).trim(), DType.parse(d.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new UserError("--dtype " + d + ": " + e.getMessage());
            }
        }
        return byName;
    }

    static String defaultName(String file) {
        String n = Path.of(file).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
