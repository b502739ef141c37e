package io.tsstudio.testkit.synthetic.api;

import io.tsstudio.testkit.synthetic.api.internal.Secret;

import java.util.List;

/** Deliberate violations: an internal type as a public return type and, inside a type argument, as a parameter. */
public class Leaky {
    public Secret secret() {
        return new Secret();
    }

    public void take(List<Secret> secrets) {
    }
}
