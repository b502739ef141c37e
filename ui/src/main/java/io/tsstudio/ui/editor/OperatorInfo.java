package io.tsstudio.ui.editor;

import java.util.List;

/** An operator of the LibTorch registry, e.g. {@code aten::relu}, with the schemas of its overloads. */
public record OperatorInfo(String qualifiedName, List<String> schemas) {
    public OperatorInfo {
        schemas = List.copyOf(schemas);
    }

    /** {@code relu} for {@code aten::relu}. */
    public String simpleName() {
        int sep = qualifiedName.lastIndexOf("::");
        return sep < 0 ? qualifiedName : qualifiedName.substring(sep + 2);
    }

    public String namespace() {
        int sep = qualifiedName.indexOf("::");
        return sep < 0 ? "" : qualifiedName.substring(0, sep);
    }
}
