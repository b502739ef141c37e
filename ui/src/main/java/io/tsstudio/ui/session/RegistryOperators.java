package io.tsstudio.ui.session;

import io.tsstudio.engine.types.OpSchema;
import io.tsstudio.engine.Ops;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.editor.OperatorInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LibTorch's operator registry as the studio's operator catalog (completion and palette): one entry per operator with
 * all its overloads. Reads the registry on each call; the studio wraps it in a {@code CachedOperatorCatalog}.
 */
public final class RegistryOperators implements OperatorCatalog {
    @Override
    public List<OperatorInfo> operators() {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (OpSchema s : Ops.all()) byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s.schema());
        List<OperatorInfo> out = new ArrayList<>(byName.size());
        byName.forEach((name, schemas) -> out.add(new OperatorInfo(name, schemas)));
        return out;
    }
}
