package io.tsstudio.ui.session;

import io.tsstudio.ui.preferences.RecentFiles;
import io.tsstudio.ui.preferences.StudioDirs;
import io.tsstudio.ui.preferences.StudioSettings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceFilesTest {
    @TempDir
    Path dir;

    @Test
    void autosaveEntriesSurviveAndAreRemoved() throws Exception {
        AutosaveStore store = new AutosaveStore(dir.resolve("autosave"));
        store.save(new AutosaveEntry("b1", "untitled-1.py", "SCRIPT", null, null, Instant.parse("2026-01-01T00:00:00Z"), "def f(x):\n    return x\n"));
        store.save(new AutosaveEntry("b2", "Net", "MODULE_CODE", dir.resolve("m.pt"), "__torch__.Net", Instant.parse("2026-01-01T00:00:01Z"), "class Net"));
        // A new store over the same directory: what a restarted studio sees.
        List<AutosaveEntry> found = new AutosaveStore(dir.resolve("autosave")).list();
        assertEquals(2, found.size());
        assertEquals("def f(x):\n    return x\n", found.get(0).text());
        assertEquals("__torch__.Net", found.get(1).className());
        assertEquals(dir.resolve("m.pt").toAbsolutePath(), found.get(1).file());
        store.remove("b1");
        assertEquals(1, store.list().size());
        store.clear();
        assertTrue(store.list().isEmpty());
    }

    @Test
    void damagedAutosaveEntriesAreSkipped() throws Exception {
        AutosaveStore store = new AutosaveStore(dir);
        store.save(new AutosaveEntry("ok", "a", "SCRIPT", null, null, Instant.now(), "x"));
        Files.writeString(dir.resolve("broken.properties"), "savedAt=not-a-time\n");
        Files.writeString(dir.resolve("broken.txt"), "y");
        assertEquals(List.of("ok"), store.list().stream().map(AutosaveEntry::id).toList());
    }

    @Test
    void recentFilesAreNewestFirstAndPersist() {
        Path store = dir.resolve("recent.txt");
        RecentFiles r = new RecentFiles(store);
        r.add(dir.resolve("a.pt"));
        r.add(dir.resolve("b.py"));
        r.add(dir.resolve("a.pt"));
        assertEquals(List.of(dir.resolve("a.pt"), dir.resolve("b.py")), new RecentFiles(store).list());
        for (int i = 0; i < 20; i++) r.add(dir.resolve("f" + i));
        assertEquals(RecentFiles.MAX, r.list().size());
    }

    @Test
    void recentFilesLeaveOutTempAndAutosaveFiles() {
        Path store = dir.resolve("recent.txt");
        StudioDirs dirs = StudioDirs.under(dir.resolve("home"));
        Path kept = Path.of(System.getProperty("user.home"), "models", "l1000100_10.script.dat");
        RecentFiles r = new RecentFiles(store, RecentFiles.transientRoots(dirs));
        r.add(kept);
        r.add(Path.of(System.getProperty("java.io.tmpdir"), "tsstudio-graph123", "x.pt")); // a graph-editor model handed over
        r.add(dirs.autosave().resolve("a1.py"));
        assertEquals(List.of(kept), r.list());
        // an older list that still names a temp file is cleaned when read
        new RecentFiles(store).add(Path.of(System.getProperty("java.io.tmpdir"), "tsstudio-code-1.pt"));
        assertEquals(List.of(kept), new RecentFiles(store, RecentFiles.transientRoots(dirs)).list());
    }

    @Test
    void settingsRoundTrip() {
        StudioSettings s = new StudioSettings(dir.resolve("s.properties"));
        s.put("window.width", 1000.5);
        s.put("theme", "DARK");
        s.save();
        StudioSettings back = new StudioSettings(dir.resolve("s.properties"));
        assertEquals(1000.5, back.getDouble("window.width", 0));
        assertEquals("DARK", back.get("theme", "LIGHT"));
        assertEquals(7.0, back.getDouble("missing", 7.0));
    }

    @Test
    void classCodeBecomesDefinableMethodsWithTheSameLineNumbers() {
        String code = """
                class Net(Module):
                  __parameters__ = ["weight", ]
                  weight : Tensor
                  def forward(self: __torch__.Net,
                    x: Tensor) -> Tensor:
                    w = self.weight
                    return torch.matmul(x, w)
                  def twice(self: __torch__.Net, x: Tensor) -> Tensor:
                    return 2 * x
                """;
        ClassCodeText c = ClassCodeText.parse(code);
        assertEquals(2, c.methodCount());
        assertEquals(2, c.indent());
        String[] lines = c.methodsSource().split("\n", -1);
        assertEquals(code.split("\n", -1).length, lines.length);
        assertEquals("", lines[0]);
        assertEquals("", lines[2]);
        assertEquals("def forward(self,", lines[3]);
        assertEquals("  x: Tensor) -> Tensor:", lines[4]);
        assertEquals("  return torch.matmul(x, w)", lines[6]);
        assertEquals("def twice(self, x: Tensor) -> Tensor:", lines[7]);
    }

    @Test
    void plainFunctionScriptsAreKeptAsTheyAre() {
        String code = "def forward(self, x: Tensor) -> Tensor:\n    return x\n";
        ClassCodeText c = ClassCodeText.parse(code);
        assertEquals(0, c.indent());
        assertEquals(code, c.methodsSource());
    }
}
