package io.tsstudio.ui.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Latest-wins for replies that come from elsewhere (a worker process, a layout already under way): each
 * {@link #begin()} supersedes every earlier request, and a superseded request's reply is never applied. The reply is
 * applied on the UI thread.
 */
public final class LatestReplies {
    private final UiThread ui;
    private final AtomicLong latest = new AtomicLong();

    LatestReplies(UiThread ui) {
        this.ui = ui;
    }

    /** Starts a request; every request begun before is stale from now on. */
    public Request begin() {
        return new Request(latest.incrementAndGet());
    }

    /** Makes every request begun so far stale (a cancel, a model replaced, a view closed). */
    public void supersede() {
        latest.incrementAndGet();
    }

    /** One request's claim to be the latest. */
    public final class Request {
        private final long id;

        private Request(long id) {
            this.id = id;
        }

        /** True until a later {@link #begin()} or a {@link #supersede()}. */
        public boolean isCurrent() {
            return latest.get() == id;
        }

        /** Runs {@code step} on the UI thread if this request is still the latest by then. */
        public void apply(Runnable step) {
            ui.execute(() -> {
                if (isCurrent()) step.run();
            });
        }

        /**
         * Applies {@code reply} (value, or the cause of a failure, unwrapped) on the UI thread when {@code future}
         * completes, if this request is still the latest by then. Returns a future that completes after that.
         */
        public <T> CompletableFuture<Void> deliver(CompletableFuture<T> future, BiConsumer<T, Throwable> reply) {
            CompletableFuture<Void> applied = new CompletableFuture<>();
            future.whenComplete((value, error) -> ui.execute(() -> {
                try {
                    if (isCurrent()) reply.accept(value, unwrap(error));
                } finally {
                    applied.complete(null);
                }
            }));
            return applied;
        }
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        return e;
    }
}
