package io.tsstudio.engine.ir;

import java.util.List;
import java.util.Optional;

/**
 * A value (an SSA edge).
 *
 * @param id        unique within its graph ({@code %x.1} style debug names are not unique; ids are)
 * @param debugName LibTorch's debug name without the {@code %}, e.g. {@code x.1}, may be empty
 * @param type      TorchScript type text, e.g. {@code Tensor}, {@code Float(2, 3, strides=[3, 1], ...)}, {@code int[]}
 * @param producer  id of the producing node; empty for graph and block inputs
 * @param users     ids of the nodes that read it
 */
public record IrValue(String id, String debugName, String type, Optional<String> producer, List<String> users) {
    public IrValue {
        users = List.copyOf(users);
    }
}
