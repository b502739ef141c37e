package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;

/** Batch normalisation of (N, C, H, W) inputs. */
public class BatchNorm2d extends BatchNorm {
    public BatchNorm2d(long features) {
        this(features, 1e-5, 0.1);
    }

    public BatchNorm2d(long features, double eps, double momentum) {
        super(features, eps, momentum);
    }

    @Override
    protected void checkInput(Tensor x) {
        if (x.dim() != 4) throw new TorchException("BatchNorm2d expects 4-D input, got " + x.dim() + "-D");
    }
}
