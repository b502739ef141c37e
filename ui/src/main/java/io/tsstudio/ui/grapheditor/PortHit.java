package io.tsstudio.ui.grapheditor;

/** A port under the pointer. */
public record PortHit(String blockId, String port, boolean output) {
}
