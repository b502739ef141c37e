package io.tsstudio.engine;

import io.tsstudio.engine.internal.files.TorchPickle;
import io.tsstudio.engine.internal.files.ZipProbe;
import io.tsstudio.engine.internal.torch.Archives;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a TorchScript archive holds, read from its pickles and code files without LibTorch's loader: the module tree,
 * parameters and buffers (names, shapes, dtypes), plain attributes and each class's code. For models LibTorch cannot
 * load (an operator it does not have), so the studio and CLI can still show them.
 */
public record ArchiveModel(String className, List<SubmoduleInfo> modules, List<ParameterInfo> parameters,
                           List<ParameterInfo> buffers, List<AttributeInfo> attributes, Map<String, String> codeByClass) {
    private static final int MAX_PICKLE = 256 << 20;
    private static final Pattern NAMES = Pattern.compile("\"([^\"]+)\"");

    public static ArchiveModel read(Path archive) throws IOException {
        TorchPickle.ModuleObject root;
        try (ZipProbe zip = new ZipProbe(archive)) {
            try {
                root = TorchPickle.readModule(zip.read("data.pkl", MAX_PICKLE));
            } catch (IllegalArgumentException e) {
                throw new IOException("cannot read the module tree of " + archive.getFileName() + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> code = Archives.codeByClass(archive, io.tsstudio.engine.ArchiveLimits.defaults()).content();
        List<SubmoduleInfo> modules = new ArrayList<>();
        List<ParameterInfo> params = new ArrayList<>();
        List<ParameterInfo> buffers = new ArrayList<>();
        List<AttributeInfo> attributes = new ArrayList<>();
        walk("", root, code, modules, params, buffers, attributes);
        return new ArchiveModel(root.className(), List.copyOf(modules), List.copyOf(params), List.copyOf(buffers),
                List.copyOf(attributes), code);
    }

    private static void walk(String path, TorchPickle.ModuleObject m, Map<String, String> code, List<SubmoduleInfo> modules,
                             List<ParameterInfo> params, List<ParameterInfo> buffers, List<AttributeInfo> attributes) {
        String classCode = code.getOrDefault(m.className(), "");
        List<String> paramNames = declared(classCode, "__parameters__");
        List<String> bufferNames = declared(classCode, "__buffers__");
        for (Map.Entry<String, Object> e : m.attributes().entrySet()) {
            String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            Object v = e.getValue();
            if (v instanceof TorchPickle.ModuleObject child) {
                modules.add(new SubmoduleInfo(name, child.className()));
                walk(name, child, code, modules, params, buffers, attributes);
            } else if (v instanceof TorchPickle.TensorShape t && (paramNames.contains(e.getKey()) || bufferNames.contains(e.getKey()))) {
                DType dtype = t.dtype() == null ? DType.FLOAT32 : t.dtype();
                long numel = 1;
                for (long d : t.shape()) numel *= d;
                ParameterInfo info = new ParameterInfo(name, t.shape(), dtype, Device.CPU, paramNames.contains(e.getKey()), numel, numel * dtype.elementSize());
                (paramNames.contains(e.getKey()) ? params : buffers).add(info);
            } else if (path.isEmpty()) {
                attributes.add(new AttributeInfo(e.getKey(), typeOf(v), v instanceof TorchPickle.TensorShape t ? "Tensor" + t.shape() : v));
            }
        }
    }

    /** {@code __parameters__ = ["weight", "bias", ]} in a class's printed code. */
    private static List<String> declared(String classCode, String field) {
        List<String> out = new ArrayList<>();
        for (String line : classCode.split("\n")) {
            String t = line.trim();
            if (!t.startsWith(field)) continue;
            Matcher m = NAMES.matcher(t);
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    private static String typeOf(Object v) {
        if (v == null) return "NoneType";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Long) return "int";
        if (v instanceof Double) return "float";
        if (v instanceof String) return "str";
        if (v instanceof TorchPickle.TensorShape) return "Tensor";
        if (v instanceof List<?>) return "List";
        if (v instanceof Map<?, ?>) return "Dict";
        return v.getClass().getSimpleName();
    }
}
