package io.tsstudio.ui.concurrent;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The thread view models belong to, without naming a toolkit: where results are applied ({@link #execute}) and
 * whether the caller is on it. The app uses {@link FxUiThread}; tests use {@link #sameThread()} or a thread of their
 * own ({@link #of}).
 */
public interface UiThread extends Executor {
    /** True on the thread that owns the view models. */
    boolean isCurrent();

    /**
     * True when the caller is on a real UI thread, where blocking work (LibTorch, ELK, disk) is forbidden. The
     * in-place stand-in for tests says false: there every job runs on the caller, which is the point of it.
     */
    default boolean blockingForbiddenHere() {
        return isCurrent();
    }

    /**
     * Tests and tools: results are applied at once on the calling thread, every caller counts as the UI thread, and
     * nothing is forbidden on it.
     */
    static UiThread sameThread() {
        return new UiThread() {
            @Override
            public void execute(Runnable r) {
                r.run();
            }

            @Override
            public boolean isCurrent() {
                return true;
            }

            @Override
            public boolean blockingForbiddenHere() {
                return false;
            }
        };
    }

    /** A UI thread given as its executor and a test for being on it (a test's own single-thread executor). */
    static UiThread of(Executor executor, BooleanSupplier isCurrent) {
        return new UiThread() {
            @Override
            public void execute(Runnable r) {
                executor.execute(r);
            }

            @Override
            public boolean isCurrent() {
                return isCurrent.getAsBoolean();
            }
        };
    }
}
