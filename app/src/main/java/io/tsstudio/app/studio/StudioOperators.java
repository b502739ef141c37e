package io.tsstudio.app.studio;

import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.session.RegistryOperators;

/** The operator registry for completion: LibTorch's, read through the engine on first use (off the FX thread). */
final class StudioOperators {
    private StudioOperators() {
    }

    static OperatorCatalog catalog() {
        return RegistryOperators::read;
    }
}
