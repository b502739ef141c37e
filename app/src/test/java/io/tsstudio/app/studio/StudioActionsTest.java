package io.tsstudio.app.studio;

import io.tsstudio.app.studio.StudioAction.Kind;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The menu bar, the toolbar and the F1 shortcut list all come from the one actions table, and agree. */
@ExtendWith(ApplicationExtension.class)
class StudioActionsTest {
    @TempDir
    static Path home;

    private StudioViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        TestStudio studio = TestStudio.show(stage, home);
        vm = studio.vm();
        window = studio.window();
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

    private Map<String, MenuItem> menuItemsById() throws Exception {
        return fx(() -> {
            Map<String, MenuItem> items = new HashMap<>();
            MenuBar bar = (MenuBar) window.root().lookup(".menu-bar");
            for (Menu m : bar.getMenus()) collect(m, items);
            return items;
        });
    }

    private static void collect(Menu m, Map<String, MenuItem> into) {
        for (MenuItem i : m.getItems()) {
            if (i.getId() != null) into.put(i.getId(), i);
            if (i instanceof Menu sub) collect(sub, into);
        }
    }

    /** The key of a shortcut-list line, as the platform would print it. */
    private static String displayed(String keyText) {
        return KeyCombination.keyCombination(keyText).getDisplayText();
    }

    @Test
    void everyActionIsInItsMenuAndEveryMenuAcceleratorIsTheOneTheShortcutListShows() throws Exception {
        Map<String, MenuItem> items = menuItemsById();
        String[] lines = MainWindow.SHORTCUTS.split("\n");
        int withKeys = 0;
        for (StudioAction a : StudioActions.ALL) {
            if (a.kind() != Kind.ACTION) continue;
            MenuItem item = items.get(a.id());
            assertNotNull(item, "the menu bar has " + a.id());
            assertEquals(a.text(), item.getText());
            if (a.accelerator() == null) {
                assertNull(item.getAccelerator(), a.id());
                continue;
            }
            withKeys++;
            String line = StudioActions.shortcutLine(a);
            assertTrue(List.of(lines).contains(line), "F1 lists '" + line + "'");
            String listed = line.substring(0, line.indexOf("  ")).trim();
            assertEquals(item.getAccelerator().getDisplayText(), displayed(listed), "the list's key for " + a.id() + " is the menu's");
        }
        assertTrue(withKeys >= 20, "the table has the studio's shortcuts: " + withKeys);
        // and nothing else in the list claims a menu shortcut: each "key  text" line before the view keys is an action's
        int actionLines = 0;
        for (String l : lines) {
            if (l.isEmpty()) break;
            actionLines++;
        }
        assertEquals(withKeys, actionLines);
    }

    @Test
    void toolbarButtonsRunTheirTableEntryAndShowItsAccelerator() throws Exception {
        Map<String, MenuItem> items = menuItemsById();
        List<Button> buttons = fx(() -> {
            ToolBar bar = (ToolBar) window.root().lookup("#mainToolBar");
            List<Button> b = new ArrayList<>();
            for (Node n : bar.getItems()) if (n instanceof Button button) b.add(button);
            return b;
        });
        List<String> expected = StudioActions.TOOLBAR.stream()
                .filter(id -> !id.equals(StudioActions.TOOL_SEPARATOR) && !id.equals(StudioActions.TOOL_SPACER)).toList();
        assertEquals(expected, buttons.stream().map(b -> ((StudioAction) b.getUserData()).id()).toList());
        for (Button b : buttons) {
            StudioAction a = (StudioAction) b.getUserData();
            MenuItem item = items.get(a.id());
            if (item.getAccelerator() == null) continue;
            String tip = b.getTooltip().getText();
            String key = tip.substring(tip.lastIndexOf('(') + 1, tip.length() - 1);
            assertEquals(item.getAccelerator().getDisplayText(), displayed(key), "tooltip of " + a.id() + ": " + tip);
        }
    }

    @Test
    void aNewActionIsOneEntryAndAppearsInMenuToolbarAndShortcuts() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        StudioAction export = StudioAction.action("file.exportTest", StudioAction.StudioMenu.FILE, "Export Test\u2026", c -> ran.incrementAndGet())
                .key("Shortcut+Alt+E").icon("saveModel");
        List<StudioAction> table = new ArrayList<>(StudioActions.ALL);
        table.add(export);
        ActionContext context = new ActionContext(new StudioCommands(vm, null), null);
        ActionBars bars = new ActionBars(table, context, vm);
        MenuItem item = fx(() -> {
            MenuBar bar = bars.menuBar(Map.of("file.recent", new Menu("Open Recent"), "file.export", new Menu("Export"), "edit.preferences", new Menu("Preferences")));
            return bar.getMenus().get(0).getItems().stream().filter(i -> "file.exportTest".equals(i.getId())).findFirst().orElseThrow();
        });
        assertEquals("Ctrl+Alt+E", export.keyText());
        assertEquals(KeyCombination.keyCombination("Shortcut+Alt+E"), item.getAccelerator());
        Button tool = fx(() -> (Button) bars.toolBar(List.of("file.exportTest")).getItems().get(0));
        fx(() -> {
            item.fire();
            tool.fire();
            return null;
        });
        assertEquals(2, ran.get(), "the menu item and the button run the entry's handler");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bars.toolBar(List.of("file.noSuchThing")));
        assertEquals("toolbar names 'file.noSuchThing', which is no action of the table", e.getMessage());
    }

    @Test
    void saveIsDisabledWithoutAnEditableTabAndEnabledOnAScript() throws Exception {
        MenuItem save = menuItemsById().get("file.save");
        assertTrue(fx(save::isDisable), "nothing open: nothing to save");
        fx(() -> vm.newScript("def f(x: int) -> int:\n    return x\n"));
        assertFalse(fx(save::isDisable), "a script can be saved");
    }
}
