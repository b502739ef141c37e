package io.tsstudio.ui.graph.model;

/**
 * A named input or output of a drawn node.
 *
 * @param name    argument name from the operator schema, else the value's debug name
 * @param valueName the value's debug name ({@code x.1}), for labels of the nodes a value enters a group by
 * @param valueId the IR value id (scoped to the node's graph), the key edges are built from
 * @param type    TorchScript type text
 * @param folded  for inputs fed by a folded constant or attribute access: its text ({@code 1}, {@code self.fc.weight}),
 *                else null
 */
public record Port(String name, String valueName, String valueId, String type, String folded) {
    public boolean isFolded() {
        return folded != null;
    }
}
