package io.tsstudio.ui.graph.model;

/** The PyTorch-made fixtures the graph tests draw (located by {@code io.tsstudio.testkit.SharedFixtures}). */
public final class GraphFixtures {
    public static final String[] PYTORCH = {"linrelu.script.dat", "l1000_100_10.script.dat", "scripted.script.dat",
        "func.script.dat", "tuple_out.dat", "list_out.dat", "exported.method.dat", "r-traced-linear.pt"};

    private GraphFixtures() {
    }

}
