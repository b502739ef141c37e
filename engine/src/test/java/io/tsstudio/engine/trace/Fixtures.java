package io.tsstudio.engine.trace;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.nn.Conv2d;
import io.tsstudio.engine.nn.Dropout;
import io.tsstudio.engine.nn.Flatten;
import io.tsstudio.engine.nn.Linear;
import io.tsstudio.engine.nn.LogSoftmax;
import io.tsstudio.engine.nn.MaxPool2d;
import io.tsstudio.engine.nn.Module;
import io.tsstudio.engine.nn.ReLU;

import java.nio.file.Path;

/** Shared helpers for the R-conformance cases. */
final class Fixtures {
    private Fixtures() {
    }

    /** R's {@code torch_tensor(c(...))}: a 1-D float tensor from values (one value still gives shape [1]). */
    static Tensor t(float... values) {
        return Tensors.of(values, values.length);
    }

    /** The R test "Net": conv 1->32 k3, relu, conv 32->64 k3, relu, max_pool 2, dropout .25, flatten, 9216->128, relu, dropout .5, 128->10, log_softmax. */
    static final class Net extends Module {
        final Conv2d conv1 = registerModule("conv1", new Conv2d(1, 32, 3));
        final Conv2d conv2 = registerModule("conv2", new Conv2d(32, 64, 3));
        final Dropout dropout1 = registerModule("dropout1", new Dropout(0.25));
        final Dropout dropout2 = registerModule("dropout2", new Dropout(0.5));
        final Linear fc1 = registerModule("fc1", new Linear(9216, 128));
        final Linear fc2 = registerModule("fc2", new Linear(128, 10));
        private final ReLU relu = new ReLU();
        private final MaxPool2d pool = new MaxPool2d(2);
        private final Flatten flatten = new Flatten(1, -1);
        private final LogSoftmax logSoftmax = new LogSoftmax(1);

        Tensor forward(Tensor x) {
            x = relu.forward(conv1.forward(x));
            x = relu.forward(conv2.forward(x));
            x = dropout1.forward(pool.forward(x));
            x = relu.forward(fc1.forward(flatten.forward(x)));
            return logSoftmax.forward(fc2.forward(dropout2.forward(x)));
        }

        @Override
        public Tensor forward(Object... inputs) {
            return forward((Tensor) inputs[0]);
        }
    }
}
