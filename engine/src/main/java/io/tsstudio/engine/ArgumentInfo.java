package io.tsstudio.engine;

import java.util.Optional;

/** One declared argument of a method or function: name, TorchScript type text, default value as source text. */
public record ArgumentInfo(String name, String type, Optional<String> defaultValue) {
}
