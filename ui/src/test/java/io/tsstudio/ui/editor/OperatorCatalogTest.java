package io.tsstudio.ui.editor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one operator catalog: completion reads operators with their overloads, the graph editor's palette the schemas. */
class OperatorCatalogTest {
    private static final List<String> SCHEMAS = List.of(
            "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor",
            "aten::relu(Tensor self) -> Tensor",
            "aten::add.Scalar(Tensor self, Scalar other, Scalar alpha=1) -> Tensor");

    @Test
    void overloadsAreGroupedByOperatorAndThePaletteGetsEverySchemaBack() {
        OperatorCatalog catalog = OperatorCatalog.ofSchemas(SCHEMAS);
        assertEquals(List.of("aten::add", "aten::relu"), catalog.operators().stream().map(OperatorInfo::qualifiedName).toList());
        assertEquals(List.of(SCHEMAS.get(0), SCHEMAS.get(2)), catalog.operators().get(0).schemas());
        assertEquals(List.of(SCHEMAS.get(0), SCHEMAS.get(2), SCHEMAS.get(1)), catalog.schemaTexts());
        assertEquals(List.of(), OperatorCatalog.EMPTY.schemaTexts());
    }
}
