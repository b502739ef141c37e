package io.tsstudio.engine.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a run to stop. The runner checks it between calls; a call already inside LibTorch cannot be interrupted
 * in-process, so hooks let the owner do more (the app kills the worker process that runs the call).
 */
public final class CancelToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public static CancelToken none() {
        return new CancelToken();
    }

    /** Cancels once; later calls do nothing. Hooks run on the calling thread. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) hooks.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs {@code hook} on cancel, or at once if already cancelled. */
    public void onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get() && hooks.remove(hook)) hook.run();
    }

    public void removeHook(Runnable hook) {
        hooks.remove(hook);
    }
}
