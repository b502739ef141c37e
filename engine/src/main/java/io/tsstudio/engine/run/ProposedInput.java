package io.tsstudio.engine.run;

/**
 * A proposed value for one method argument.
 *
 * @param name   the argument's name
 * @param type   its declared TorchScript type
 * @param json   the value in the {@code tsstudio run --arg} encoding, e.g. {@code {"tensor": {"shape": [1, 3, 224, 224], "fill": "ones"}, "dtype": "float32"}}
 * @param source where the proposal came from, in words, e.g. {@code conv2d in_channels=3 (features.0.0); 224×224 assumed}
 */
public record ProposedInput(String name, String type, String json, String source) {
}
