/**
 * Writing JavaFX images (scene snapshots) to PNG files, without the javafx-swing bridge. Used by the app's snapshot
 * option and by screenshot harnesses; depends on JavaFX and java.desktop's ImageIO only.
 */
package io.tsstudio.ui.image;
