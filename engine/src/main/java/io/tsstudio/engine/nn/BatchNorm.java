package io.tsstudio.engine.nn;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.NoGrad;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;

/**
 * Batch normalisation over channel dimension 1, as PyTorch's BatchNorm: weight ones, bias zeros, buffers
 * running_mean zeros, running_var ones, num_batches_tracked 0. Train mode uses batch statistics and updates the
 * running ones; eval mode uses the running ones.
 */
public abstract class BatchNorm extends Module {
    public final Tensor weight;
    public final Tensor bias;
    public final Tensor runningMean;
    public final Tensor runningVar;
    public final Tensor numBatchesTracked;
    private final double eps;
    private final double momentum;

    protected BatchNorm(long features, double eps, double momentum) {
        this.eps = eps;
        this.momentum = momentum;
        weight = registerParameter("weight", Tensors.ones(features));
        bias = registerParameter("bias", Tensors.zeros(features));
        runningMean = registerBuffer("running_mean", Tensors.zeros(features));
        runningVar = registerBuffer("running_var", Tensors.ones(features));
        numBatchesTracked = registerBuffer("num_batches_tracked", Tensors.zeros(new long[0], DType.INT64));
    }

    protected abstract void checkInput(Tensor x);

    public Tensor forward(Tensor x) {
        checkInput(x);
        if (isTraining()) {
            try (NoGrad g = NoGrad.enter()) {
                numBatchesTracked.add_(1L);
            }
        }
        return Functional.batchNorm(x, weight, bias, runningMean, runningVar, isTraining(), momentum, eps);
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }
}
