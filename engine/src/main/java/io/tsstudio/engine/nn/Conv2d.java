package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** 2-D convolution; weight (out, in/groups, kh, kw), bias (out). */
public class Conv2d extends Module {
    public final Tensor weight;
    public final Tensor bias;
    private final long[] stride;
    private final long[] padding;
    private final long[] dilation;
    private final long groups;

    public Conv2d(long in, long out, long kernel) {
        this(in, out, kernel, 1, 0);
    }

    public Conv2d(long in, long out, long kernel, long stride, long padding) {
        this(in, out, Layers.pair(kernel), Layers.pair(stride), Layers.pair(padding), Layers.pair(1), 1, true);
    }

    public Conv2d(long in, long out, long[] kernel, long[] stride, long[] padding, long[] dilation, long groups, boolean withBias) {
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.groups = groups;
        long fanIn = in / groups * kernel[0] * kernel[1];
        weight = registerParameter("weight", Init.kaimingUniform(fanIn, out, in / groups, kernel[0], kernel[1]));
        bias = withBias ? registerParameter("bias", Init.kaimingUniform(fanIn, out)) : null;
    }

    public Tensor forward(Tensor x) {
        return Functional.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
