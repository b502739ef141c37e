package io.tsstudio.app.studio;

import io.tsstudio.app.studio.StudioAction.Kind;
import io.tsstudio.app.studio.StudioAction.StudioMenu;
import io.tsstudio.ui.theme.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;
import java.util.Map;

/** Builds the menu bar and the toolbar from the {@link StudioActions actions table}; every node runs its entry's handler. */
final class ActionBars {
    private final List<StudioAction> actions;
    private final ActionContext context;
    private final StudioViewModel vm;

    ActionBars(List<StudioAction> actions, ActionContext context, StudioViewModel vm) {
        this.actions = actions;
        this.context = context;
        this.vm = vm;
    }

    /** The menus in {@link StudioMenu} order; {@code slots} fills the table's slot entries by id. */
    MenuBar menuBar(Map<String, MenuItem> slots) {
        MenuBar bar = new MenuBar();
        for (StudioMenu m : StudioMenu.values()) {
            Menu menu = new Menu(m.title());
            menu.setId("menu-" + m.name().toLowerCase(java.util.Locale.ROOT));
            for (StudioAction a : actions) {
                if (a.menu() != m) continue;
                switch (a.kind()) {
                    case SEPARATOR -> menu.getItems().add(new SeparatorMenuItem());
                    case SLOT -> {
                        MenuItem filled = slots.get(a.id());
                        if (filled == null) throw new IllegalArgumentException("the window has nothing for menu slot " + a.id());
                        menu.getItems().add(filled);
                    }
                    case ACTION -> menu.getItems().add(menuItem(a));
                }
            }
            if (!menu.getItems().isEmpty()) bar.getMenus().add(menu);
        }
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private MenuItem menuItem(StudioAction a) {
        MenuItem m = new MenuItem(a.text());
        m.setId(a.id());
        if (a.accelerator() != null) m.setAccelerator(KeyCombination.keyCombination(a.accelerator()));
        if (a.icon() != null) m.setGraphic(Icons.get(a.icon(), 14));
        if (a.enabledWhen() != null) m.disableProperty().bind(javafx.beans.binding.Bindings.not(a.enabledWhen().apply(vm)));
        m.setOnAction(e -> a.handler().accept(context));
        return m;
    }

    /** The toolbar: {@link StudioActions#TOOLBAR}'s ids, separators and spacer. */
    ToolBar toolBar(List<String> layout) {
        ToolBar bar = new ToolBar();
        for (String id : layout) {
            if (StudioActions.TOOL_SEPARATOR.equals(id)) {
                bar.getItems().add(new Separator());
            } else if (StudioActions.TOOL_SPACER.equals(id)) {
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                bar.getItems().add(spacer);
            } else {
                StudioAction a = actions.stream().filter(x -> x.id().equals(id) && x.kind() == Kind.ACTION).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("toolbar names '" + id + "', which is no action of the table"));
                bar.getItems().add(tool(a));
            }
        }
        bar.setId("mainToolBar");
        return bar;
    }

    private Button tool(StudioAction a) {
        if (a.icon() == null) throw new IllegalArgumentException("toolbar action " + a.id() + " has no icon");
        Button b = new Button();
        // Buttons with text are the model commands: the accent colour marks them.
        b.setGraphic(Icons.get(a.icon(), 18, a.toolText() != null ? "icon-accent" : "icon-plain"));
        if (a.toolText() != null) b.setText(a.toolText());
        b.setTooltip(new Tooltip(a.toolTipText()));
        b.setFocusTraversable(false);
        b.setUserData(a);
        b.setId("tool-" + a.icon());
        if (a.enabledWhen() != null) b.disableProperty().bind(javafx.beans.binding.Bindings.not(a.enabledWhen().apply(vm)));
        b.setOnAction(e -> a.handler().accept(context));
        return b;
    }
}
