package io.tsstudio.ui.editor;

import io.tsstudio.engine.types.ParsedSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry operators the studio offers: the code editor's completion and the graph editor's palette read the same
 * catalog. In the app it is LibTorch's registry ({@code ui.session.RegistryOperators}), read once and cached
 * ({@link CachedOperatorCatalog}); tests pass a fixed list.
 */
@FunctionalInterface
public interface OperatorCatalog {
    List<OperatorInfo> operators();

    /** The schema text of every overload, e.g. {@code aten::relu(Tensor self) -> Tensor}, as the palette lists them. */
    default List<String> schemaTexts() {
        return operators().stream().flatMap(o -> o.schemas().stream()).toList();
    }

    /** A fixed catalog of schema texts, grouped into operators by qualified name in the order given. */
    static OperatorCatalog ofSchemas(List<String> schemas) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (String s : schemas) byName.computeIfAbsent(ParsedSchema.parse(s).name(), k -> new ArrayList<>()).add(s);
        List<OperatorInfo> ops = byName.entrySet().stream().map(e -> new OperatorInfo(e.getKey(), e.getValue())).toList();
        return () -> ops;
    }

    OperatorCatalog EMPTY = List::of;
}
