package io.tsstudio.app.studio;

import io.tsstudio.app.ipc.LocalChannel;
import io.tsstudio.app.ipc.LocalServer;
import io.tsstudio.ui.console.LogConsole;
import io.tsstudio.ui.session.AutosaveEntry;
import io.tsstudio.ui.session.AutosaveStore;
import io.tsstudio.ui.session.EngineModelBackend;
import io.tsstudio.ui.preferences.StudioDirs;
import io.tsstudio.ui.session.RegistryOperators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 11 item 3: a second {@code tsstudio FILE} opens FILE in the running studio, and never touches its autosaves. */
class SingleInstanceTest {
    @TempDir
    Path data;

    @Test
    void aSecondStartHandsItsFilesToTheRunningStudio() throws Exception {
        List<List<Path>> opened = new CopyOnWriteArrayList<>();
        assertEquals(-1, SingleInstance.forward(data, List.of(Path.of("a.pt"))), "no studio runs yet");
        try (SingleInstance running = SingleInstance.listen(data, opened::add)) {
            assertNotNull(running);
            assertEquals(ProcessHandle.current().pid(), SingleInstance.forward(data, List.of(Path.of("model.pt"))));
            assertEquals(List.of(List.of(Path.of("model.pt").toAbsolutePath().normalize())), opened, "paths arrive absolute, once");
            assertNull(SingleInstance.listen(data, opened::add), "a second studio on the same data folder does not take the channel");
            assertEquals(1, opened.size(), "the liveness probe opens nothing");
            if (LocalServer.unixSupported()) {
                Path socket = SingleInstance.Location.of(data).socket();
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
            }
        }
        assertEquals(-1, SingleInstance.forward(data, List.of(Path.of("b.pt"))), "closed: the next start becomes the studio");
    }

    @Test
    void aKilledStudiosSocketFileIsReplaced() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(LocalServer.unixSupported());
        Path socket = SingleInstance.Location.of(data).socket();
        Files.deleteIfExists(socket);
        Files.createFile(socket); // what a SIGKILLed studio leaves: a socket file nobody listens on
        assertEquals(-1, SingleInstance.forward(data, List.of()));
        List<List<Path>> opened = new CopyOnWriteArrayList<>();
        try (SingleInstance running = SingleInstance.listen(data, opened::add)) {
            assertNotNull(running);
            assertTrue(SingleInstance.forward(data, List.of(Path.of("x.pt"))) > 0);
            assertEquals(1, opened.size());
        }
    }

    @Test
    void overTcpARequestWithoutTheSecretOpensNothing() throws Exception {
        System.setProperty(LocalServer.TRANSPORT_PROPERTY, "tcp");
        try {
            List<List<Path>> opened = new CopyOnWriteArrayList<>();
            try (SingleInstance running = SingleInstance.listen(data, opened::add)) {
                Path endpoint = data.resolve("instance.endpoint");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(endpoint)));
                String address = Files.readString(endpoint).split(" ")[0];
                try (LocalChannel foreign = LocalChannel.connect(address)) {
                    foreign.sendLine("{\"open\":[\"/tmp/evil.pt\"],\"secret\":\"guess\"}");
                    assertNull(foreign.readLine(), "refused: closed without an answer");
                }
                assertEquals(List.of(), opened);
                assertTrue(SingleInstance.forward(data, List.of(Path.of("good.pt"))) > 0, "with the secret from the private file it works");
                assertEquals(1, opened.size());
            }
        } finally {
            System.clearProperty(LocalServer.TRANSPORT_PROPERTY);
        }
    }

    @Test
    void aSecondLiveStudioNeitherOffersNorClearsTheFirstOnesAutosaves() throws Exception {
        StudioDirs dirs = StudioDirs.under(data);
        try (AutosaveOwnership first = AutosaveOwnership.claim(dirs.autosave())) {
            assertTrue(first.primary());
            new AutosaveStore(first.directory()).save(new AutosaveEntry("b1", "live.py", "SCRIPT", null, null, Instant.now(), "x = 1"));

            AutosaveOwnership second = AutosaveOwnership.claim(dirs.autosave());
            assertFalse(second.primary(), "the live studio holds the shared folder");
            assertNotEquals(first.directory(), second.directory());
            StudioViewModel vm = new StudioViewModel(new EngineModelBackend(new RegistryOperators()), dirs, second.directory(), Runnable::run,
                    new LogConsole(Runnable::run));
            assertEquals(List.of(), vm.pendingRecovery(), "nothing of the live studio is offered for recovery");
            vm.shutdown();
            second.close();
            assertEquals(List.of("x = 1"), new AutosaveStore(first.directory()).list().stream().map(AutosaveEntry::text).toList(),
                    "the live studio's unsaved work is still there after the second one exits");
            assertFalse(Files.exists(second.directory()), "the second studio's own folder is gone once it is empty");
        }
        try (AutosaveOwnership next = AutosaveOwnership.claim(dirs.autosave())) {
            assertTrue(next.primary(), "after the first studio is gone, the next one owns the folder and may recover");
            assertEquals(1, new AutosaveStore(next.directory()).list().size());
        }
    }

    @Test
    void aKilledSecondStudiosAutosavesAreOfferedByTheNextOwner() throws Exception {
        StudioDirs dirs = StudioDirs.under(data);
        Path orphanDir = dirs.autosave().resolve("instance-999999");
        new AutosaveStore(orphanDir).save(new AutosaveEntry("b2", "second.py", "SCRIPT", null, null, Instant.now(), "y = 2"));
        try (AutosaveOwnership owner = AutosaveOwnership.claim(dirs.autosave())) {
            assertTrue(owner.primary());
            assertEquals(List.of("y = 2"), new AutosaveStore(owner.directory()).list().stream().map(AutosaveEntry::text).toList());
            assertFalse(Files.exists(orphanDir), "the orphaned folder is emptied and removed");
        }
    }
}
