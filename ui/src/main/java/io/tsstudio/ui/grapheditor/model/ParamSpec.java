package io.tsstudio.ui.grapheditor.model;

/**
 * A parameter or buffer an nn block registers on its submodule, with how a fresh one is initialised.
 *
 * @param fanIn for {@link Init#UNIFORM_FAN_IN}: values are uniform in ±1/sqrt(fanIn), as PyTorch's default init
 */
public record ParamSpec(String name, long[] shape, boolean buffer, Init init, long fanIn) {
    public enum Init { UNIFORM_FAN_IN, NORMAL, ZEROS, ONES }

    public long numel() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }
}
