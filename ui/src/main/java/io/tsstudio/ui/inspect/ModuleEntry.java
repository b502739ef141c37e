package io.tsstudio.ui.inspect;

import java.util.List;

/**
 * One module of a loaded model's hierarchy: {@code path} is the dotted path from the root ("" for the root),
 * {@code name} the attribute name under its parent. Tensors are the module's own (not its children's).
 */
public record ModuleEntry(String path, String name, String className, List<TensorEntry> parameters, List<TensorEntry> buffers,
                          List<AttributeEntry> attributes, List<MethodEntry> methods, List<ModuleEntry> children) {
    public ModuleEntry {
        parameters = List.copyOf(parameters);
        buffers = List.copyOf(buffers);
        attributes = List.copyOf(attributes);
        methods = List.copyOf(methods);
        children = List.copyOf(children);
    }

    /** Parameters of this module and all below it. */
    public long totalParameterCount() {
        long n = parameters.stream().mapToLong(TensorEntry::numel).sum();
        for (ModuleEntry c : children) n += c.totalParameterCount();
        return n;
    }

    public long totalParameterBytes() {
        long n = parameters.stream().mapToLong(TensorEntry::bytes).sum();
        for (ModuleEntry c : children) n += c.totalParameterBytes();
        return n;
    }

    public long totalBufferBytes() {
        long n = buffers.stream().mapToLong(TensorEntry::bytes).sum();
        for (ModuleEntry c : children) n += c.totalBufferBytes();
        return n;
    }

    public int moduleCount() {
        int n = 1;
        for (ModuleEntry c : children) n += c.moduleCount();
        return n;
    }

    /** The short class name: {@code Linear} for {@code __torch__.torch.nn.modules.linear.Linear}. */
    public String shortClassName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
