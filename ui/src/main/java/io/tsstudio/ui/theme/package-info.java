/**
 * Themes and icons: {@link io.tsstudio.ui.theme.Theme} (the structural stylesheet plus one palette),
 * {@link io.tsstudio.ui.theme.ThemeManager} (applies it to every window the studio opens) and
 * {@link io.tsstudio.ui.theme.Icons} (SVG paths from the resources module). Depends on nothing else of the code base;
 * any view may use it.
 */
package io.tsstudio.ui.theme;
