package io.tsstudio.ui.status;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.beans.value.ObservableStringValue;
import javafx.concurrent.Task;
import org.controlsfx.control.TaskProgressView;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The background jobs that are running (opening a model, laying out a graph, a benchmark, a profile), each with its
 * progress, message and a cancel button: a ControlsFX {@link TaskProgressView}. The studio's jobs are not JavaFX
 * {@link Task}s (they run on the TaskRunner's lanes), so each is shown through a stand-in task that mirrors the job's
 * progress and message, forwards a cancel to the job, and leaves the view when the job has ended.
 *
 * <p>The view enables a task's Cancel button only while the task is RUNNING, and a {@link Task} is running only while
 * a thread is inside its {@code call()}: so each stand-in waits in {@code call()}, on a thread of its own that does no
 * work, until its job ends or is cancelled.
 */
public final class BackgroundJobsView extends TaskProgressView<Task<Void>> {
    /** Where stand-ins wait for their jobs: daemon threads that only wait, one per job on screen. */
    private static final ExecutorService STAND_INS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "job-stand-in");
        t.setDaemon(true);
        return t;
    });

    public BackgroundJobsView() {
        setId("backgroundJobs");
    }

    /**
     * Shows one job until {@code finished} turns true. Call on the FX thread.
     *
     * @param progress a fraction 0..1, or negative while unknown
     * @param cancel   what the view's cancel button does to the job
     */
    public void track(String title, ObservableNumberValue progress, ObservableStringValue message, ObservableBooleanValue finished,
                      Runnable cancel) {
        if (finished.get()) return;
        JobTask task = new JobTask(title, cancel, finished);
        task.show(progress.doubleValue(), message.get());
        progress.addListener(o -> task.show(progress.doubleValue(), message.get()));
        message.addListener(o -> task.show(progress.doubleValue(), message.get()));
        finished.addListener((o, was, now) -> {
            if (now) task.end();
        });
        getTasks().add(task);
        STAND_INS.execute(task);
    }

    /** A task that does no work itself: it stands for a job running elsewhere. */
    private static final class JobTask extends Task<Void> {
        private final Runnable cancelJob;
        private final CountDownLatch ended = new CountDownLatch(1);
        /** Held here: a binding passed as {@code finished} is otherwise only weakly reachable, and could be collected. */
        @SuppressWarnings({"unused", "FieldCanBeLocal"})
        private final ObservableBooleanValue finished;

        JobTask(String title, Runnable cancelJob, ObservableBooleanValue finished) {
            this.cancelJob = cancelJob;
            this.finished = finished;
            updateTitle(title);
        }

        void show(double fraction, String message) {
            if (fraction < 0) updateProgress(-1, 1);
            else updateProgress(fraction, 1);
            updateMessage(message == null ? "" : message);
        }

        /** The job ended: the stand-in leaves {@code call()}, succeeds, and the view drops it. */
        void end() {
            ended.countDown();
        }

        @Override
        protected Void call() throws InterruptedException {
            ended.await();
            return null;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (ended.getCount() > 0) cancelJob.run(); // a job that has ended may be followed by another: leave that one be
            ended.countDown();
            return super.cancel(mayInterruptIfRunning);
        }
    }
}
