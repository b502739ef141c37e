/**
 * What the studio remembers for the user between sessions: {@link io.tsstudio.ui.preferences.StudioSettings} (window
 * geometry, dividers, theme), {@link io.tsstudio.ui.preferences.RecentFiles}, and
 * {@link io.tsstudio.ui.preferences.StudioDirs} (where settings and the studio's own files live). Depends on
 * {@code engine.files} only; the app, the studio and the run panel use it.
 */
package io.tsstudio.ui.preferences;
