package io.tsstudio.engine;

import java.util.List;

/**
 * One module of a loaded hierarchy as {@link ScriptModule#describeModules} reports it: its dotted {@code path} from the
 * root ("" for the root), how many direct children it has, and its own members (not its children's). Parameter and
 * buffer names are dotted from the root, as {@link ScriptModule#parameterInfos()} names them.
 */
public record ModuleDescription(String path, String className, int childCount, List<AttributeInfo> attributes,
                                List<MethodInfo> methods, List<ParameterInfo> parameters, List<ParameterInfo> buffers) {
    public ModuleDescription {
        attributes = List.copyOf(attributes);
        methods = List.copyOf(methods);
        parameters = List.copyOf(parameters);
        buffers = List.copyOf(buffers);
    }

    /** The name under its parent ("" for the root). */
    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The parent's path ("" for a child of the root); null for the root itself. */
    public String parentPath() {
        if (path.isEmpty()) return null;
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
