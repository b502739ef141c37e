package io.tsstudio.engine.run;

/** Which mode a run was timed in, as the CLI and the run panel report it next to the figures. */
public enum TimedMode {
    INFERENCE("inference: eval mode, grad off"),
    TRAINING("training mode, grad on");

    private final String label;

    TimedMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The mode a run of a module in {@code training} mode gets under {@code plan}. */
    public static TimedMode of(boolean training, RunPlan plan) {
        return plan.inference() || !training ? INFERENCE : TRAINING;
    }
}
