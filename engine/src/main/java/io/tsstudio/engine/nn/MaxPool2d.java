package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** 2-D max pooling; stride defaults to the kernel size. */
public class MaxPool2d extends Module {
    private final long[] kernel;
    private final long[] stride;
    private final long[] padding;

    public MaxPool2d(long kernel) {
        this(kernel, kernel, 0);
    }

    public MaxPool2d(long kernel, long stride, long padding) {
        this.kernel = Layers.pair(kernel);
        this.stride = Layers.pair(stride);
        this.padding = Layers.pair(padding);
    }

    public Tensor forward(Tensor x) {
        return Functional.maxPool2d(x, kernel, stride, padding);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
