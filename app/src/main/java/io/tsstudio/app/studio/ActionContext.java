package io.tsstudio.app.studio;

/** What an action's handler reaches: the studio's routed commands (no nodes) and the window's own view commands. */
public record ActionContext(StudioCommands commands, WindowCommands window) {
}
