package io.tsstudio.ui.editor;

import java.util.List;

/** The operators the editor may propose; in the app, LibTorch's registry through the engine. */
@FunctionalInterface
public interface OperatorCatalog {
    List<OperatorInfo> operators();

    OperatorCatalog EMPTY = List::of;
}
