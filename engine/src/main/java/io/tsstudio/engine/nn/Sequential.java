package io.tsstudio.engine.nn;

import io.tsstudio.engine.Tensor;

/** Runs its children in order; they are named "0", "1", ... as in PyTorch. */
public class Sequential extends Module {
    private final Module[] layers;

    public Sequential(Module... layers) {
        this.layers = layers.clone();
        for (int i = 0; i < layers.length; i++) registerModule(Integer.toString(i), layers[i]);
    }

    public Tensor forward(Tensor x) {
        Tensor y = x;
        for (Module m : layers) y = (Tensor) m.forward(y);
        return y;
    }

    @Override
    public Tensor forward(Object... inputs) {
        return forward(Layers.single(this, inputs));
    }

    public int size() {
        return layers.length;
    }

    public Module get(int i) {
        return layers[i];
    }
}
