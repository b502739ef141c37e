package io.tsstudio.ui.grapheditor;

import io.tsstudio.engine.OpSchema;
import io.tsstudio.engine.Ops;

import java.util.List;

/** The palette's operators: every overload of LibTorch's registry, with its schema. */
public final class RegistryOperators implements OperatorCatalog {
    @Override
    public List<String> schemaTexts() {
        return Ops.all().stream().map(OpSchema::schema).toList();
    }
}
