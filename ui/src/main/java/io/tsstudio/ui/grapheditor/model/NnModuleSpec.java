package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An nn module the palette offers: its settings, its ports, the parameters it registers and the TorchScript
 * {@code forward} of its submodule (what the Script path compiles and the Trace path runs).
 */
public final class NnModuleSpec {
    private final String type;
    private final String category;
    private final List<SettingSpec> settings;
    private final Function<BlockSettings, List<ParamSpec>> parameters;
    private final Function<BlockSettings, OpCall> call;

    NnModuleSpec(String type, String category, List<SettingSpec> settings, Function<BlockSettings, List<ParamSpec>> parameters,
                 Function<BlockSettings, OpCall> call) {
        this.type = type;
        this.category = category;
        this.settings = List.copyOf(settings);
        this.parameters = parameters;
        this.call = call;
    }

    public String type() {
        return type;
    }

    public String category() {
        return category;
    }

    public List<SettingSpec> settings() {
        return settings;
    }

    public BlockSettings read(Map<String, Object> values) {
        return new BlockSettings(values, settings);
    }

    public List<ParamSpec> parameters(Map<String, Object> values) {
        return parameters.apply(read(values));
    }

    /** The expression the submodule's forward returns, over its argument {@code input}. */
    public String forwardExpression(Map<String, Object> values) {
        return call(values).render();
    }

    /** The operator call the submodule makes, for running it through the registry (the Trace path). */
    public OpCall call(Map<String, Object> values) {
        return call.apply(read(values));
    }

    /** The submodule's whole forward method. */
    public String forwardSource(Map<String, Object> values) {
        return "def forward(self, input: Tensor) -> Tensor:\n    return " + forwardExpression(values) + "\n";
    }

    public List<PortSpec> inputs() {
        return List.of(PortSpec.required("input", TypeRef.TENSOR));
    }

    public List<PortSpec> outputs() {
        return List.of(PortSpec.required("output", TypeRef.TENSOR));
    }
}
