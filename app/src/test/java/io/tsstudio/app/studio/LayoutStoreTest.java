package io.tsstudio.app.studio;

import io.tsstudio.ui.preferences.StudioSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The window layout survives a restart, through the settings file. */
class LayoutStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSavedLayoutReadsBackFromANewSettingsFile() {
        Path file = dir.resolve("studio.properties");
        LayoutStore.Layout saved = new LayoutStore.Layout(0.21, 0.63, 0.7, 40, 55, 1400, 900, true, "runSlot", "consoleTab");
        new LayoutStore(new StudioSettings(file)).save(saved);
        assertTrue(Files.isRegularFile(file));
        assertEquals(saved, new LayoutStore(new StudioSettings(file)).load());
    }

    @Test
    void aFreshSettingsFileGivesTheDefaults() {
        LayoutStore.Layout l = new LayoutStore(new StudioSettings(dir.resolve("none.properties"))).load();
        assertEquals(LayoutStore.DEFAULTS, l);
        assertFalse(l.placed(), "a first start lets the platform place the window");
    }

    @Test
    void anUnplacedLayoutKeepsTheLastPositionAndDamagedValuesFallBack() throws Exception {
        Path file = dir.resolve("studio.properties");
        new LayoutStore(new StudioSettings(file)).save(new LayoutStore.Layout(0.2, 0.6, 0.8, 10, 20, 1300, 820, false, null, null));
        new LayoutStore(new StudioSettings(file)).save(new LayoutStore.Layout(0.3, 0.6, 0.8, Double.NaN, Double.NaN, 1300, 820, true, null, null));
        LayoutStore.Layout back = new LayoutStore(new StudioSettings(file)).load();
        assertEquals(10, back.x());
        assertEquals(20, back.y());
        assertEquals(0.3, back.splitLeft());
        assertEquals(LayoutStore.DEFAULTS.dockTab(), back.dockTab());

        Files.writeString(file, "split.left=7\nsplit.bottom=oops\nwindow.width=-5\n");
        LayoutStore.Layout damaged = new LayoutStore(new StudioSettings(file)).load();
        assertEquals(LayoutStore.DEFAULTS.splitLeft(), damaged.splitLeft());
        assertEquals(LayoutStore.DEFAULTS.splitBottom(), damaged.splitBottom());
        assertEquals(LayoutStore.DEFAULTS.width(), damaged.width());
    }

    @Test
    void aLayoutWithNoSizeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LayoutStore.Layout(0.2, 0.5, 0.8, 0, 0, 0, 800, false, null, null));
        assertEquals("window size must be positive: 0.0x800.0", e.getMessage());
    }
}
