package io.tsstudio.testkit.synthetic.api.internal;

/** An implementation type that the synthetic API must not expose. */
public final class Secret {
}
