package io.tsstudio.testkit.synthetic.cycle.b;

import io.tsstudio.testkit.synthetic.cycle.a.Alpha;

/** The other half of the deliberate package cycle. */
public class Beta {
    public String name(Alpha a) {
        return a.getClass().getSimpleName();
    }
}
