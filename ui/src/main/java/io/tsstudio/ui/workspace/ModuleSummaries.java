package io.tsstudio.ui.workspace;

import io.tsstudio.engine.AttributeInfo;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ModelFileInfo;
import io.tsstudio.engine.ParameterInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.SubmoduleInfo;
import io.tsstudio.engine.TensorInfo;
import io.tsstudio.ui.inspect.AttributeEntry;
import io.tsstudio.ui.inspect.MethodEntry;
import io.tsstudio.ui.inspect.ModelSummary;
import io.tsstudio.ui.inspect.ModuleEntry;
import io.tsstudio.ui.inspect.TensorEntry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the inspector's plain-value summary of a loaded module or a torch.save archive from the engine. */
final class ModuleSummaries {
    private static final int MAX_VALUE_TEXT = 80;

    private ModuleSummaries() {
    }

    static ModelSummary of(ScriptModule module, Path file) {
        List<SubmoduleInfo> all = module.namedModules();
        Map<String, String> classes = new LinkedHashMap<>();
        for (SubmoduleInfo s : all) classes.put(s.name(), s.className());
        classes.putIfAbsent("", module.className());
        Map<String, List<TensorEntry>> params = byOwner(module.parameterInfos(), TensorEntry.Role.PARAMETER);
        Map<String, List<TensorEntry>> buffers = byOwner(module.bufferInfos(), TensorEntry.Role.BUFFER);
        ModuleEntry root = build(module, "", classes, params, buffers);
        String name = file == null ? module.className() : file.getFileName().toString();
        return new ModelSummary(name, ModelSummary.Format.TORCHSCRIPT, "TorchScript module " + module.className(), root, List.of());
    }

    private static ModuleEntry build(ScriptModule root, String path, Map<String, String> classes,
                                     Map<String, List<TensorEntry>> params, Map<String, List<TensorEntry>> buffers) {
        List<ModuleEntry> children = new ArrayList<>();
        for (String p : classes.keySet()) {
            if (!p.isEmpty() && parentOf(p).equals(path)) children.add(build(root, p, classes, params, buffers));
        }
        List<AttributeEntry> attributes = new ArrayList<>();
        List<MethodEntry> methods = new ArrayList<>();
        if (path.isEmpty()) {
            describe(root, attributes, methods);
        } else {
            try (ScriptModule sub = root.submodule(path)) {
                describe(sub, attributes, methods);
            }
        }
        String name = path.isEmpty() ? "" : path.substring(path.lastIndexOf('.') + 1);
        return new ModuleEntry(path, name, classes.get(path), params.getOrDefault(path, List.of()), buffers.getOrDefault(path, List.of()),
                attributes, methods, children);
    }

    private static void describe(ScriptModule m, List<AttributeEntry> attributes, List<MethodEntry> methods) {
        for (AttributeInfo a : m.attributes()) attributes.add(new AttributeEntry(a.name(), a.type(), valueText(a.value())));
        for (MethodInfo mi : m.methods()) methods.add(new MethodEntry(mi.name(), mi.schema()));
    }

    private static String valueText(Object v) {
        String s = String.valueOf(v);
        return s.length() > MAX_VALUE_TEXT ? s.substring(0, MAX_VALUE_TEXT - 1) + "\u2026" : s;
    }

    private static Map<String, List<TensorEntry>> byOwner(List<ParameterInfo> infos, TensorEntry.Role role) {
        Map<String, List<TensorEntry>> out = new LinkedHashMap<>();
        for (ParameterInfo p : infos) {
            out.computeIfAbsent(parentOf(p.name()), k -> new ArrayList<>()).add(new TensorEntry(p.name(), role, p.shape().stream().mapToLong(Long::longValue).toArray(),
                    p.dtype().jsonName(), p.device().toString(), p.numel(), p.bytes(), p.requiresGrad()));
        }
        return out;
    }

    private static String parentOf(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? "" : dotted.substring(0, dot);
    }

    /** A model read from its archive without LibTorch (see ArchiveModel): no methods, attributes of the root only. */
    static ModelSummary ofArchive(io.tsstudio.engine.archive.ArchiveModel archive, Path file, String notice) {
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("", archive.className());
        for (SubmoduleInfo s : archive.modules()) classes.put(s.name(), s.className());
        Map<String, List<TensorEntry>> params = byOwner(archive.parameters(), TensorEntry.Role.PARAMETER);
        Map<String, List<TensorEntry>> buffers = byOwner(archive.buffers(), TensorEntry.Role.BUFFER);
        List<AttributeEntry> rootAttributes = new ArrayList<>();
        for (AttributeInfo a : archive.attributes()) rootAttributes.add(new AttributeEntry(a.name(), a.type(), valueText(a.value())));
        ModuleEntry root = archiveEntry("", classes, params, buffers, rootAttributes);
        return new ModelSummary(file.getFileName().toString(), ModelSummary.Format.TORCHSCRIPT,
                "TorchScript module " + archive.className() + " (read from the archive): " + notice, root, List.of());
    }

    private static ModuleEntry archiveEntry(String path, Map<String, String> classes, Map<String, List<TensorEntry>> params,
                                            Map<String, List<TensorEntry>> buffers, List<AttributeEntry> rootAttributes) {
        List<ModuleEntry> children = new ArrayList<>();
        for (String p : classes.keySet()) {
            if (!p.isEmpty() && parentOf(p).equals(path)) children.add(archiveEntry(p, classes, params, buffers, rootAttributes));
        }
        String name = path.isEmpty() ? "" : path.substring(path.lastIndexOf('.') + 1);
        return new ModuleEntry(path, name, classes.get(path), params.getOrDefault(path, List.of()), buffers.getOrDefault(path, List.of()),
                path.isEmpty() ? rootAttributes : List.of(), List.of(), children);
    }

    static ModelSummary ofStateDict(ModelFileInfo info, Path file) {
        List<TensorEntry> tensors = new ArrayList<>();
        for (TensorInfo t : info.tensors()) {
            long[] shape = t.shape().stream().mapToLong(Long::longValue).toArray();
            long numel = 1;
            for (long d : shape) numel *= d;
            tensors.add(new TensorEntry(t.name(), TensorEntry.Role.STATE, shape, t.dtype().jsonName(), "cpu", numel,
                    numel * t.dtype().elementSize(), false));
        }
        return new ModelSummary(file.getFileName().toString(), ModelSummary.Format.TORCH_SAVE, info.description(), null, tensors);
    }

    /** The read-only text shown for a torch.save archive. */
    static String stateDictText(ModelFileInfo info, Path file) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(file.getFileName()).append(": a torch.save archive, not TorchScript\n");
        sb.append("# ").append(info.description()).append('\n');
        sb.append("# It holds tensors but no code, so it opens read-only; the inspector lists its tensors.\n");
        sb.append("# To run it, load it into a module's parameters (load_state_dict) in PyTorch or LibTorch.\n\n");
        if (info.tensors().isEmpty()) sb.append("# (its tensors could not be read)\n");
        int width = info.tensors().stream().mapToInt(t -> t.name().length()).max().orElse(4);
        for (TensorInfo t : info.tensors()) {
            sb.append(String.format("%-" + width + "s  %-16s %s%n", t.name(), t.shape(), t.dtype().jsonName()));
        }
        return sb.toString();
    }
}
