package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.TorchException;

/** Argument checks shared by the built-in layers. */
final class Layers {
    private Layers() {
    }

    static Tensor single(Module m, Object[] inputs) {
        if (inputs.length != 1 || !(inputs[0] instanceof Tensor t)) {
            throw new TorchException(m.typeName() + ".forward takes one Tensor, got " + inputs.length + " argument(s)");
        }
        return t;
    }

    static long[] pair(long v) {
        return new long[] {v, v};
    }
}
