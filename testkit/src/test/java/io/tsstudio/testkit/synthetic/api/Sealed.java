package io.tsstudio.testkit.synthetic.api;

import io.tsstudio.testkit.synthetic.api.internal.Secret;

/** Uses the internal type only privately and package-privately: no violation. */
public class Sealed {
    private final Secret secret = new Secret();

    Secret forTheImplementation() {
        return secret;
    }

    public String name() {
        return secret.getClass().getSimpleName();
    }
}
