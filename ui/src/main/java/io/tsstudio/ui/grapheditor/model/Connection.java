package io.tsstudio.ui.grapheditor.model;

/** An edge from an output port of one block to an input port of another. */
public record Connection(String fromBlock, String fromPort, String toBlock, String toPort) {
    @Override
    public String toString() {
        return fromBlock + "." + fromPort + " -> " + toBlock + "." + toPort;
    }
}
