package io.tsstudio.ui.compare;

/** How a module is marked in a comparison's graphs, weakest first; the colours are the view's. */
public enum ModuleMark {
    CHANGED, ADDED, REMOVED, DIVERGING, FIRST_DIVERGENCE
}
