package io.tsstudio.engine;

import java.util.List;

/** What a file is, before (or instead of) loading it. */
public record ModelFileInfo(Kind kind, String description, List<TensorInfo> tensors) {
    public enum Kind { TORCHSCRIPT, TORCH_SAVE, UNKNOWN }

    public ModelFileInfo {
        tensors = List.copyOf(tensors);
    }
}
