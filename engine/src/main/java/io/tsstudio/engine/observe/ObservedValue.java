package io.tsstudio.engine.observe;

import java.util.List;

/**
 * One observed value of any TorchScript type.
 *
 * @param type    the TorchScript type as LibTorch prints it ({@code Tensor}, {@code Tuple[Tensor, int]}, {@code int})
 * @param text    a short text for display ({@code [1, 64, 56, 56] float32}, {@code 3}, {@code (Tensor, 2)})
 * @param tensors every tensor inside it, flattened in order: tuple items, list items, dict values
 */
public record ObservedValue(String type, String text, List<ObservedTensor> tensors) {
    public ObservedValue {
        tensors = List.copyOf(tensors);
    }
}
