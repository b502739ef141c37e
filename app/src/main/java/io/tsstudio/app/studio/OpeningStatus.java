package io.tsstudio.app.studio;

import io.tsstudio.ui.status.BackgroundJobsView;
import io.tsstudio.ui.status.StatusBarView;
import javafx.beans.InvalidationListener;

/**
 * A file being opened, shown while it opens: its stage and progress in the status bar with Cancel, and a job in the
 * Jobs tab; when no file is opening, the status bar shows the studio's status again.
 */
final class OpeningStatus {
    private final StudioViewModel vm;
    private final StatusBarView statusBar;
    private final BackgroundJobsView jobs;
    private final InvalidationListener changed = o -> show(currentOpening());

    private OpeningStatus(StudioViewModel vm, StatusBarView statusBar, BackgroundJobsView jobs) {
        this.vm = vm;
        this.statusBar = statusBar;
        this.jobs = jobs;
    }

    /** Follows every opening of {@code vm} from now on. Call on the FX thread. */
    static void follow(StudioViewModel vm, StatusBarView statusBar, BackgroundJobsView jobs) {
        OpeningStatus status = new OpeningStatus(vm, statusBar, jobs);
        vm.openingProperty().addListener((o, was, now) -> status.opened(now));
    }

    private Opening currentOpening() {
        return vm.openingProperty().get();
    }

    private void opened(Opening now) {
        if (now == null) {
            statusBar.hideProgress();
            statusBar.setMessage(vm.statusProperty().get());
            return;
        }
        jobs.track("Open " + now.file().getFileName(), now.progressProperty(), now.stageProperty(), now.finishedProperty(), now::cancel);
        now.stageProperty().addListener(changed);
        now.progressProperty().addListener(changed);
        now.finishedProperty().addListener((o, a, done) -> {
            now.stageProperty().removeListener(changed);
            now.progressProperty().removeListener(changed);
        });
        show(now);
    }

    private void show(Opening op) {
        if (op == null || op.finishedProperty().get()) return;
        statusBar.setMessage(op.stageProperty().get());
        statusBar.showProgress(op.progressProperty().get(), vm::cancelOpening);
    }
}
