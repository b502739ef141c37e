package io.tsstudio.app.studio;

import io.tsstudio.ui.session.OpenModel;

/** Where a module-code buffer's text comes from: one class of one open model. */
record BufferOrigin(OpenModel model, String className) {
}
