package io.tsstudio.ui.grapheditor;

import java.util.List;

/** Where the palette gets registry operators from: schema texts such as {@code aten::relu(Tensor self) -> Tensor}. */
@FunctionalInterface
public interface OperatorCatalog {
    List<String> schemaTexts();

    static OperatorCatalog none() {
        return List::of;
    }
}
