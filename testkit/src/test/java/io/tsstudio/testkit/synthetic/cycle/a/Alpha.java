package io.tsstudio.testkit.synthetic.cycle.a;

import io.tsstudio.testkit.synthetic.cycle.b.Beta;

/** Half of a deliberate package cycle (a -> b -> a). */
public class Alpha {
    public Beta partner() {
        return new Beta();
    }
}
