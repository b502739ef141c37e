package io.tsstudio.ui.graph.model;

import java.util.Optional;

/** Observed shapes from a run or a trace: the shape text of a value of one group ({@code [1, 128]}), when known. */
@FunctionalInterface
public interface ShapeLookup {
    Optional<String> shape(String groupPath, String valueId);

    static ShapeLookup none() {
        return (g, v) -> Optional.empty();
    }
}
