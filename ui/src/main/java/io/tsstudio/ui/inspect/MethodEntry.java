package io.tsstudio.ui.inspect;

/** A method with its TorchScript schema, e.g. {@code forward(Tensor x) -> Tensor}. */
public record MethodEntry(String name, String schema) {
}
