package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** 1-D convolution; weight (out, in/groups, k), bias (out). */
public class Conv1d extends Module {
    public final Tensor weight;
    public final Tensor bias;
    private final long stride;
    private final long padding;
    private final long dilation;
    private final long groups;

    public Conv1d(long in, long out, long kernel) {
        this(in, out, kernel, 1, 0, 1, 1, true);
    }

    public Conv1d(long in, long out, long kernel, long stride, long padding, long dilation, long groups, boolean withBias) {
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
        long fanIn = in / groups * kernel;
        weight = registerParameter("weight", Init.kaimingUniform(fanIn, out, in / groups, kernel));
        bias = withBias ? registerParameter("bias", Init.kaimingUniform(fanIn, out)) : null;
    }

    public Tensor forward(Tensor x) {
        return Functional.conv1d(x, weight, bias, stride, padding, dilation, groups);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
