package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** Flattens dimensions startDim..endDim (default 1..-1, keeping the batch dimension). */
public class Flatten extends Module {
    private final long startDim;
    private final long endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(long startDim, long endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    public Tensor forward(Tensor x) {
        return x.flatten(startDim, endDim);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
