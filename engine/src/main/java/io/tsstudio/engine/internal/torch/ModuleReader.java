package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.AttributeInfo;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ModuleDescription;
import io.tsstudio.engine.ParameterInfo;
import io.tsstudio.engine.SubmoduleInfo;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.ClassType;
import org.bytedeco.pytorch.FunctionVector;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.NamedIValue;
import org.bytedeco.pytorch.NamedJitModule;
import org.bytedeco.pytorch.NamedTensor;
import org.bytedeco.pytorch.named_attribute_iterator;
import org.bytedeco.pytorch.named_attribute_list;
import org.bytedeco.pytorch.named_buffer_iterator;
import org.bytedeco.pytorch.named_buffer_list;
import org.bytedeco.pytorch.named_module_iterator;
import org.bytedeco.pytorch.named_module_list;
import org.bytedeco.pytorch.named_parameter_iterator;
import org.bytedeco.pytorch.named_parameter_list;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a native module's structure (class, methods, tensors, submodules, attributes, the whole hierarchy) into the
 * API's plain records. Works on a raw {@link JitModule}: the caller ({@link NativeModule}) holds a use of its owner
 * and the PointerScope the native temporaries belong to for as long as a call runs.
 */
final class ModuleReader {
    private ModuleReader() {
    }

    static String className(JitModule m) {
        return m.type().name().get().qualifiedName().getString();
    }

    static List<MethodInfo> methodsOf(ClassType type) {
        FunctionVector fv = type.methods();
        List<MethodInfo> out = new ArrayList<>();
        for (long i = 0; i < fv.size(); i++) out.add(NativeCallable.describe(fv.get(i).getSchema(), true));
        return List.copyOf(out);
    }

    /**
     * Parameters and/or buffers by dotted name, parameters first. The values are references into the module's
     * lists, valid inside the caller's scope only: copy ({@link NativeTensor#own}) to keep one.
     */
    static Map<String, org.bytedeco.pytorch.Tensor> tensors(JitModule m, boolean parameters, boolean buffers, boolean recurse) {
        Map<String, org.bytedeco.pytorch.Tensor> out = new LinkedHashMap<>();
        if (parameters) {
            named_parameter_list l = m.named_parameters(recurse);
            named_parameter_iterator it = l.begin();
            for (long i = 0, n = l.size(); i < n; i++, it.increment()) {
                NamedTensor nt = it.multiply();
                out.put(Text.of(nt.name()), nt.value());
            }
        }
        if (buffers) {
            named_buffer_list l = m.named_buffers(recurse);
            named_buffer_iterator it = l.begin();
            for (long i = 0, n = l.size(); i < n; i++, it.increment()) {
                NamedTensor nt = it.multiply();
                out.put(Text.of(nt.name()), nt.value());
            }
        }
        return out;
    }

    /** API tensors that share the native tensors' storage, each with a reference of its own. */
    static Map<String, Tensor> owned(Map<String, org.bytedeco.pytorch.Tensor> tensors) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, org.bytedeco.pytorch.Tensor> e : tensors.entrySet()) {
            out.put(e.getKey(), Handles.wrap(NativeTensor.own(e.getValue())));
        }
        return out;
    }

    /** Descriptions of the defined tensors (an undefined one, an optional parameter set to None, is left out). */
    static List<ParameterInfo> parameterInfos(Map<String, org.bytedeco.pytorch.Tensor> tensors) {
        List<ParameterInfo> out = new ArrayList<>();
        for (Map.Entry<String, org.bytedeco.pytorch.Tensor> e : tensors.entrySet()) {
            ParameterInfo info = info(e.getKey(), e.getValue());
            if (info != null) out.add(info);
        }
        return out;
    }

    private static ParameterInfo info(String name, org.bytedeco.pytorch.Tensor t) {
        if (!t.defined()) return null;
        DType d = Dtypes.fromScalarType(t.scalar_type());
        long numel = t.numel();
        return new ParameterInfo(name, Arrays.stream(NativeTensor.shapeOf(t)).boxed().toList(), d, NativeTensor.deviceOf(t),
                t.requires_grad(), numel, numel * d.elementSize());
    }

    static List<SubmoduleInfo> submodules(JitModule m, boolean recurse) {
        named_module_list l = recurse ? m.named_modules() : m.named_children();
        List<SubmoduleInfo> out = new ArrayList<>();
        named_module_iterator it = l.begin();
        for (long i = 0, n = l.size(); i < n; i++, it.increment()) {
            NamedJitModule nm = it.multiply();
            if (recurse && Text.of(nm.name()).isEmpty()) continue; // named_modules lists the root itself first
            out.add(new SubmoduleInfo(Text.of(nm.name()), className(nm.value())));
        }
        return out;
    }

    /** The module at a dotted path of child names ({@code encoder.layer1}); a reference valid in the caller's scope. */
    static JitModule child(JitModule root, String path) {
        JitModule current = root;
        String walked = "";
        for (String part : path.split("\\.")) {
            boolean found = false;
            named_module_list l = current.named_children();
            named_module_iterator it = l.begin();
            List<String> names = new ArrayList<>();
            for (long i = 0, n = l.size(); i < n; i++, it.increment()) {
                NamedJitModule nm = it.multiply();
                String name = Text.of(nm.name());
                names.add(name);
                if (name.equals(part)) {
                    current = nm.value();
                    found = true;
                    break;
                }
            }
            if (!found) {
                throw new TorchException("no submodule '" + path + "': " + (walked.isEmpty() ? "the module" : "'" + walked + "'")
                        + " has no child '" + part + "' (children: " + names + ")");
            }
            walked = walked.isEmpty() ? part : walked + "." + part;
        }
        return current;
    }

    /** The module's own attributes, without its submodules, parameters and buffers. */
    static List<AttributeInfo> attributes(JitModule m) {
        Set<String> skip = new HashSet<>();
        for (SubmoduleInfo c : submodules(m, false)) skip.add(c.name());
        skip.addAll(tensors(m, true, true, false).keySet());
        return attributes(m, m.type(), skip);
    }

    private static List<AttributeInfo> attributes(JitModule m, ClassType type, Set<String> skip) {
        named_attribute_list al = m.named_attributes(false);
        named_attribute_iterator it = al.begin();
        List<AttributeInfo> out = new ArrayList<>();
        for (long i = 0, n = al.size(); i < n; i++, it.increment()) {
            NamedIValue a = it.multiply();
            String name = Text.of(a.name());
            if (skip.contains(name)) continue;
            String typeText = type.hasAttribute(name) ? type.getAttribute(name).get().annotation_str().getString() : a.value().tagKind().getString();
            out.add(new AttributeInfo(name, typeText, IValues.plainValue(a.value())));
        }
        return out;
    }

    /** Visits {@code m} and then, depth first, its descendants; see {@link NativeModule#describeModules}. */
    static void describe(JitModule m, String path, Map<String, List<MethodInfo>> methodsByClass, Consumer<ModuleDescription> visitor) {
        try (PointerScope s = new PointerScope()) {
            ClassType type = m.type();
            String className = type.name().get().qualifiedName().getString();
            List<String> childNames = new ArrayList<>();
            List<JitModule> children = new ArrayList<>();
            named_module_list cl = m.named_children();
            named_module_iterator cit = cl.begin();
            for (long i = 0, n = cl.size(); i < n; i++, cit.increment()) {
                NamedJitModule nm = cit.multiply();
                childNames.add(Text.of(nm.name()));
                children.add(new JitModule(nm.value())); // the list's element is a reference: copy to keep it
            }
            Set<String> skip = new HashSet<>(childNames);
            String prefix = path.isEmpty() ? "" : path + ".";
            Map<String, org.bytedeco.pytorch.Tensor> own = tensors(m, true, false, false);
            Map<String, org.bytedeco.pytorch.Tensor> buffers = tensors(m, false, true, false);
            skip.addAll(own.keySet());
            skip.addAll(buffers.keySet());
            List<AttributeInfo> attributes = attributes(m, type, skip);
            List<MethodInfo> methods = methodsByClass.computeIfAbsent(className, k -> methodsOf(type));
            visitor.accept(new ModuleDescription(path, className, children.size(), attributes, methods,
                    parameterInfos(prefixed(prefix, own)), parameterInfos(prefixed(prefix, buffers))));
            for (int i = 0; i < children.size(); i++) describe(children.get(i), prefix + childNames.get(i), methodsByClass, visitor);
        }
    }

    private static Map<String, org.bytedeco.pytorch.Tensor> prefixed(String prefix, Map<String, org.bytedeco.pytorch.Tensor> tensors) {
        if (prefix.isEmpty()) return tensors;
        Map<String, org.bytedeco.pytorch.Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> out.put(prefix + name, t));
        return out;
    }
}
