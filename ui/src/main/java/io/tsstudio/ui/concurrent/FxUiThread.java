package io.tsstudio.ui.concurrent;

import javafx.application.Platform;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** The JavaFX Application Thread as a {@link UiThread}: the one class of this package that knows the toolkit. */
public final class FxUiThread implements UiThread {
    /** The JavaFX thread's name, also under Monocle; read without starting the toolkit. */
    static final String FX_THREAD_NAME = "JavaFX Application Thread";

    private final Executor delivery;

    private FxUiThread(Executor delivery) {
        this.delivery = delivery;
    }

    /** Results go through {@code Platform.runLater}. */
    public static UiThread get() {
        return new FxUiThread(Platform::runLater);
    }

    /**
     * Results go through {@code delivery} (what older constructors were given: {@code Platform::runLater} in the
     * app, a direct executor in tests). Entry checks cannot tell who the owner is then, so only the guard against
     * blocking work on the JavaFX thread itself stays on.
     */
    public static UiThread delivering(Executor delivery) {
        return new UiThread() {
            @Override
            public void execute(Runnable r) {
                try {
                    delivery.execute(r);
                } catch (RejectedExecutionException closed) {
                    // the owner shut its executor down (a closed studio, a finished test): nobody is left to show
                    // the result, and throwing here would kill the lane thread that finished the work
                }
            }

            @Override
            public boolean isCurrent() {
                return true;
            }

            @Override
            public boolean blockingForbiddenHere() {
                return onFxThread();
            }
        };
    }

    static boolean onFxThread() {
        return Thread.currentThread().getName().equals(FX_THREAD_NAME);
    }

    @Override
    public void execute(Runnable r) {
        delivery.execute(r);
    }

    @Override
    public boolean isCurrent() {
        return onFxThread();
    }
}
