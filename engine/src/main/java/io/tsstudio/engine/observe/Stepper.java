package io.tsstudio.engine.observe;

/**
 * Called by the executor before each node it runs, on the executor's thread. A debugger blocks in
 * {@link #before} until the user steps; throwing (or the run's cancel token) ends the run.
 */
@FunctionalInterface
public interface Stepper {
    void before(Frame frame) throws InterruptedException;
}
