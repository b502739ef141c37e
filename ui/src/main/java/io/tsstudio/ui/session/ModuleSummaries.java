package io.tsstudio.ui.session;

import io.tsstudio.engine.AttributeInfo;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ModelFileInfo;
import io.tsstudio.engine.ModuleDescription;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the inspector's plain-value summary of a loaded module or a torch.save archive from the engine. */
final class ModuleSummaries {
    private static final int MAX_VALUE_TEXT = 80;

    private ModuleSummaries() {
    }

    /** Hears a summary being built: modules described so far, and the fraction of the root's children done. */
    interface Progress {
        Progress NONE = (modules, fraction) -> {
        };

        /** May throw {@link java.util.concurrent.CancellationException} to stop the summary. */
        void described(int modules, double fraction);
    }

    static ModelSummary of(ScriptModule module, Path file) {
        return of(module, file, Progress.NONE);
    }

    /**
     * One walk of the hierarchy ({@link ScriptModule#describeModules}), each module attached to its parent by path as it
     * arrives (parents come first): linear in the number of modules. Before, every module scanned all paths for its
     * children and was looked up again by path, which took most of a minute on a 14,000-module model.
     */
    static ModelSummary of(ScriptModule module, Path file, Progress progress) {
        Map<String, Draft> byPath = new HashMap<>();
        int[] count = {0};
        int[] rootChildrenDone = {-1};
        Draft[] root = {null};
        module.describeModules(d -> {
            Draft draft = new Draft(d);
            byPath.put(d.path(), draft);
            String parent = d.parentPath();
            if (parent == null) {
                root[0] = draft;
            } else {
                byPath.get(parent).children.add(draft);
                if (parent.isEmpty()) rootChildrenDone[0]++;
            }
            count[0]++;
            int rootChildren = root[0].description.childCount();
            // the root's children started so far, less the one being walked now: exact at each top-level boundary
            progress.described(count[0], rootChildren == 0 ? 1.0 : Math.max(0, rootChildrenDone[0]) / (double) rootChildren);
        });
        progress.described(count[0], 1.0);
        String name = file == null ? module.className() : file.getFileName().toString();
        return new ModelSummary(name, ModelSummary.Format.TORCHSCRIPT, "TorchScript module " + root[0].description.className(),
                root[0].freeze(), List.of());
    }

    /** A module whose children are still arriving. */
    private static final class Draft {
        final ModuleDescription description;
        final List<Draft> children = new ArrayList<>();

        Draft(ModuleDescription description) {
            this.description = description;
        }

        ModuleEntry freeze() {
            ModuleDescription d = description;
            List<ModuleEntry> entries = new ArrayList<>(children.size());
            for (Draft c : children) entries.add(c.freeze());
            List<AttributeEntry> attributes = new ArrayList<>();
            for (AttributeInfo a : d.attributes()) attributes.add(new AttributeEntry(a.name(), a.type(), valueText(a.value())));
            List<MethodEntry> methods = new ArrayList<>();
            for (MethodInfo mi : d.methods()) methods.add(new MethodEntry(mi.name(), mi.schema()));
            return new ModuleEntry(d.path(), d.name(), d.className(), entries(d.parameters(), TensorEntry.Role.PARAMETER),
                    entries(d.buffers(), TensorEntry.Role.BUFFER), attributes, methods, entries);
        }
    }

    /** Every class of the tree, the root's first, then in module order (pre-order). */
    static List<String> classesInModuleOrder(ModelSummary summary) {
        Set<String> out = new LinkedHashSet<>();
        if (summary.root() == null) return List.of();
        out.add(summary.root().className());
        Deque<ModuleEntry> stack = new ArrayDeque<>();
        stack.push(summary.root());
        while (!stack.isEmpty()) {
            ModuleEntry e = stack.pop();
            out.add(e.className());
            for (int i = e.children().size() - 1; i >= 0; i--) stack.push(e.children().get(i));
        }
        return List.copyOf(out);
    }

    /** The dotted path of the first module of {@code className}, below the root first, then the root; null if none. */
    static String instancePath(ModelSummary summary, String className) {
        ModuleEntry root = summary.root();
        if (root == null) return null;
        Deque<ModuleEntry> stack = new ArrayDeque<>();
        for (int i = root.children().size() - 1; i >= 0; i--) stack.push(root.children().get(i));
        while (!stack.isEmpty()) {
            ModuleEntry e = stack.pop();
            if (e.className().equals(className)) return e.path();
            for (int i = e.children().size() - 1; i >= 0; i--) stack.push(e.children().get(i));
        }
        return root.className().equals(className) ? "" : null;
    }

    private static String valueText(Object v) {
        String s = String.valueOf(v);
        return s.length() > MAX_VALUE_TEXT ? s.substring(0, MAX_VALUE_TEXT - 1) + "\u2026" : s;
    }

    private static List<TensorEntry> entries(List<ParameterInfo> infos, TensorEntry.Role role) {
        List<TensorEntry> out = new ArrayList<>(infos.size());
        for (ParameterInfo p : infos) {
            out.add(new TensorEntry(p.name(), role, p.shape().stream().mapToLong(Long::longValue).toArray(),
                    p.dtype().jsonName(), p.device().toString(), p.numel(), p.bytes(), p.requiresGrad()));
        }
        return out;
    }

    private static String parentOf(String dotted) {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? "" : dotted.substring(0, dot);
    }

    /** Parameters or buffers grouped by the module that owns them (the dotted name's parent). */
    private static Map<String, List<TensorEntry>> byOwner(List<ParameterInfo> infos, TensorEntry.Role role) {
        Map<String, List<TensorEntry>> out = new LinkedHashMap<>();
        for (ParameterInfo p : infos) out.computeIfAbsent(parentOf(p.name()), k -> new ArrayList<>()).addAll(entries(List.of(p), role));
        return out;
    }

    /** A model read from its archive without LibTorch (see ArchiveModel): no methods, attributes of the root only. */
    static ModelSummary ofArchive(io.tsstudio.engine.ArchiveModel archive, Path file, String notice) {
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("", archive.className());
        for (SubmoduleInfo s : archive.modules()) classes.put(s.name(), s.className());
        // Children by parent in one pass: the tree is then built in time linear in the number of modules.
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (String path : classes.keySet()) if (!path.isEmpty()) children.computeIfAbsent(parentOf(path), k -> new ArrayList<>()).add(path);
        Map<String, List<TensorEntry>> params = byOwner(archive.parameters(), TensorEntry.Role.PARAMETER);
        Map<String, List<TensorEntry>> buffers = byOwner(archive.buffers(), TensorEntry.Role.BUFFER);
        List<AttributeEntry> rootAttributes = new ArrayList<>();
        for (AttributeInfo a : archive.attributes()) rootAttributes.add(new AttributeEntry(a.name(), a.type(), valueText(a.value())));
        ModuleEntry root = archiveEntry("", classes, children, params, buffers, rootAttributes);
        return new ModelSummary(file.getFileName().toString(), ModelSummary.Format.TORCHSCRIPT,
                "TorchScript module " + archive.className() + " (read from the archive): " + notice, root, List.of());
    }

    private static ModuleEntry archiveEntry(String path, Map<String, String> classes, Map<String, List<String>> childPaths,
                                            Map<String, List<TensorEntry>> params, Map<String, List<TensorEntry>> buffers,
                                            List<AttributeEntry> rootAttributes) {
        List<ModuleEntry> children = new ArrayList<>();
        for (String p : childPaths.getOrDefault(path, List.of())) children.add(archiveEntry(p, classes, childPaths, params, buffers, rootAttributes));
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
