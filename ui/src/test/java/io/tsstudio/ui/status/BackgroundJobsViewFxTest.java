package io.tsstudio.ui.status;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** A background job shows in the jobs view with its progress and message, cancels through it, and leaves when done. */
@ExtendWith(ApplicationExtension.class)
class BackgroundJobsViewFxTest {
    private BackgroundJobsView jobs;

    @Start
    void start(Stage stage) {
        jobs = new BackgroundJobsView();
        stage.setScene(new Scene(jobs, 500, 300));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aJobMirrorsProgressAndLeavesWhenFinished() throws Exception {
        SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
        SimpleStringProperty message = new SimpleStringProperty("Loading model.pt\u2026");
        SimpleBooleanProperty finished = new SimpleBooleanProperty(false);
        AtomicInteger cancels = new AtomicInteger();
        Task<Void> task = fx(() -> {
            jobs.track("Open model.pt", progress, message, finished, cancels::incrementAndGet);
            return jobs.getTasks().get(0);
        });
        assertEquals("Open model.pt", fx(task::getTitle));
        assertEquals(-1, fx(task::getProgress), "unknown progress shows as indeterminate");
        fx(() -> {
            progress.set(0.4);
            message.set("Reading code\u2026 40%");
            return null;
        });
        assertEquals(0.4, fx(task::getProgress), 1e-9);
        assertEquals("Reading code\u2026 40%", fx(task::getMessage));
        fx(() -> {
            finished.set(true);
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> jobs.getTasks().isEmpty()));
        assertEquals(0, cancels.get());
    }

    /** The view's own Cancel button (enabled only while the stand-in task is running) stops the job. */
    @Test
    void clickingCancelInTheViewCancelsTheJob(FxRobot robot) throws Exception {
        AtomicInteger cancels = new AtomicInteger();
        fx(() -> {
            jobs.track("Layout", new SimpleDoubleProperty(0.1), new SimpleStringProperty("layout"), new SimpleBooleanProperty(false),
                    cancels::incrementAndGet);
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> robot.lookup(".task-cancel-button").tryQuery()
                .map(b -> !b.isDisabled()).orElse(false)));
        robot.clickOn(".task-cancel-button");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> jobs.getTasks().isEmpty()));
        assertEquals(1, cancels.get(), "the job was asked to stop, once");
    }

    @Test
    void aCancelAfterTheJobEndedLeavesTheNextJobAlone() throws Exception {
        AtomicInteger cancels = new AtomicInteger();
        SimpleBooleanProperty finished = new SimpleBooleanProperty(false);
        Task<Void> task = fx(() -> {
            jobs.track("Benchmark", new SimpleDoubleProperty(0.5), new SimpleStringProperty("timing"), finished, cancels::incrementAndGet);
            return jobs.getTasks().get(0);
        });
        fx(() -> {
            finished.set(true);
            return task.cancel();
        });
        assertEquals(0, cancels.get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> jobs.getTasks().isEmpty()));
    }

    @Test
    void aJobThatHasAlreadyFinishedIsNotShown() throws Exception {
        fx(() -> {
            jobs.track("Done", new SimpleDoubleProperty(1), new SimpleStringProperty(""), new SimpleBooleanProperty(true), () -> { });
            return null;
        });
        assertTrue(fx(() -> jobs.getTasks().isEmpty()));
    }
}
