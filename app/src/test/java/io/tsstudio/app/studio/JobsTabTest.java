package io.tsstudio.app.studio;

import io.tsstudio.testkit.SharedFixtures;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Opening a model and laying out its graph show in the Jobs tab while they run, and leave it when done. */
@ExtendWith(ApplicationExtension.class)
class JobsTabTest {
    @TempDir
    static Path home;

    private StudioViewModel vm;
    private MainWindow window;
    private final List<String> shown = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        TestStudio studio = TestStudio.show(stage, home);
        vm = studio.vm();
        window = studio.window();
        GraphWiring.install(window, vm, vm.ioExecutor());
        window.jobs().getTasks().addListener((ListChangeListener<Task<Void>>) c -> {
            while (c.next()) c.getAddedSubList().forEach(t -> shown.add(t.getTitle()));
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            vm.shutdown();
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    @Test
    void openingAndLayoutAreJobsUntilTheyEnd() throws Exception {
        fx(() -> vm.open(SharedFixtures.pytorch("linrelu.script.dat"))).get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> shown.contains("Lay out the graph") && fx(() -> window.jobs().getTasks().isEmpty()));
        assertEquals("Open linrelu.script.dat", shown.get(0), shown.toString());
        assertTrue(shown.contains("Lay out the graph"), shown.toString());
    }
}
