package io.tsstudio.ui.concurrent;

/** What a running job sees of itself. */
public interface JobContext {
    /** Reports progress: {@code done} of {@code total} (total 0: unknown), with a line for the status bar. */
    void progress(long done, long total, String message);

    /** True once {@link Job#cancel()} was called; long work checks this between steps. */
    boolean isCancelled();

    /** A context for work that is run in place, outside any job. */
    JobContext NONE = new JobContext() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
