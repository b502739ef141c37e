package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;

/** Batch normalisation of (N, C) or (N, C, L) inputs. */
public class BatchNorm1d extends BatchNorm {
    public BatchNorm1d(long features) {
        this(features, 1e-5, 0.1);
    }

    public BatchNorm1d(long features, double eps, double momentum) {
        super(features, eps, momentum);
    }

    @Override
    protected void checkInput(Tensor x) {
        if (x.dim() != 2 && x.dim() != 3) throw new TorchException("BatchNorm1d expects 2-D or 3-D input, got " + x.dim() + "-D");
    }
}
