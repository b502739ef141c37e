package io.tsstudio.ui.editor;

import java.util.List;
import java.util.function.Supplier;

/** Reads the operator registry once (it takes a moment) and keeps it; {@link #warmUp()} does it ahead of time. */
public final class CachedOperatorCatalog implements OperatorCatalog {
    private final Supplier<List<OperatorInfo>> source;
    private volatile List<OperatorInfo> cached;

    public CachedOperatorCatalog(Supplier<List<OperatorInfo>> source) {
        this.source = source;
    }

    @Override
    public List<OperatorInfo> operators() {
        List<OperatorInfo> c = cached;
        if (c == null) {
            synchronized (this) {
                if (cached == null) cached = List.copyOf(source.get());
                c = cached;
            }
        }
        return c;
    }

    public void warmUp() {
        operators();
    }
}
