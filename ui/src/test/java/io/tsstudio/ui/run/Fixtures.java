package io.tsstudio.ui.run;

import io.tsstudio.ui.graph.model.GraphFixtures;

import java.nio.file.Path;

/** The shared fixtures, found by {@link GraphFixtures}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path pytorch(String name) {
        return GraphFixtures.pytorch(name);
    }
}
