package io.tsstudio.ui.session;

import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Autosave never writes on the JavaFX thread: a write started there fails at once and writes nothing. */
@ExtendWith(ApplicationExtension.class)
class AutosaveOffFxThreadTest {
    @TempDir
    Path dir;

    @Test
    void aWriteOnTheFxThreadIsRefusedAndAWriteElsewhereWorks() throws Exception {
        AutosaveStore store = new AutosaveStore(dir);
        AutosaveEntry entry = new AutosaveEntry("b1", "script.py", "SCRIPT", null, null, Instant.now(), "x = 1");
        ExecutionException e = assertThrows(ExecutionException.class, () -> WaitForAsyncUtils.asyncFx(() -> {
            assertTrue(Platform.isFxApplicationThread());
            store.save(entry);
            return null;
        }).get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("an autosave write was called on the UI thread ('JavaFX Application Thread')"), e.getCause().getMessage());
        assertFalse(Files.exists(dir.resolve("b1.txt")), "nothing was written");

        store.save(entry); // the test thread is not the FX thread
        assertEquals("x = 1", store.list().get(0).text());
    }
}
