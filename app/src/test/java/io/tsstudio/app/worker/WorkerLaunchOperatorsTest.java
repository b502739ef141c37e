package io.tsstudio.app.worker;

import io.tsstudio.engine.ops.OperatorLibraries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Operator libraries loaded in the app are handed to the run worker, which loads them before any model. */
class WorkerLaunchOperatorsTest {
    @Test
    void theWorkerCommandCarriesTheLoadedLibraries() {
        Path libm = Path.of("/lib/x86_64-linux-gnu/libm.so.6");
        Assumptions.assumeTrue(Files.isRegularFile(libm), "a plain native library to load");
        OperatorLibraries.load(libm);
        List<String> cmd = WorkerLaunch.sameAsThisProcess().command("unix:/tmp/tsstudio-test.sock");
        String expected = "-D" + WorkerMain.LIBRARIES_PROPERTY + "=";
        String prop = cmd.stream().filter(a -> a.startsWith(expected)).findFirst().orElseThrow(() -> new AssertionError(cmd.toString()));
        assertTrue(prop.contains(libm.toAbsolutePath().normalize().toString()), prop);
        assertTrue(cmd.indexOf(prop) < cmd.indexOf(WorkerLaunch.MAIN_CLASS), "a JVM option, before the main class: " + cmd);
    }
}
