package io.tsstudio.app.studio;

import io.tsstudio.ui.editor.OperatorCatalog;

import java.util.List;

/** The operator registry for completion. */
final class StudioOperators {
    private StudioOperators() {
    }

    static OperatorCatalog catalog() {
        return List::of;
    }
}
