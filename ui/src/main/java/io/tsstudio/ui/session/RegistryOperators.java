package io.tsstudio.ui.session;

import io.tsstudio.engine.OpSchema;
import io.tsstudio.engine.Ops;
import io.tsstudio.ui.editor.OperatorInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** LibTorch's operator registry as the editor's completion catalog: one entry per operator with all its overloads. */
public final class RegistryOperators {
    private RegistryOperators() {
    }

    public static List<OperatorInfo> read() {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (OpSchema s : Ops.all()) byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s.schema());
        List<OperatorInfo> out = new ArrayList<>(byName.size());
        byName.forEach((name, schemas) -> out.add(new OperatorInfo(name, schemas)));
        return out;
    }
}
