package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;

import java.util.Optional;

/** Decides whether a connection may be made, and if not, says why in words a person can act on. */
public final class ConnectionRules {
    private ConnectionRules() {
    }

    /** The reason the connection is refused, or empty when it is allowed. An already connected input is replaced, not refused. */
    public static Optional<String> refusal(GraphDocument doc, Connection c) {
        Optional<Block> from = doc.find(c.fromBlock()), to = doc.find(c.toBlock());
        if (from.isEmpty()) return Optional.of("there is no block '" + c.fromBlock() + "' to connect from");
        if (to.isEmpty()) return Optional.of("there is no block '" + c.toBlock() + "' to connect to");
        BlockSignature fs = Signatures.of(from.get()), ts = Signatures.of(to.get());
        Optional<PortSpec> out = fs.output(c.fromPort());
        if (out.isEmpty()) return Optional.of(describe(from.get()) + " has no output '" + c.fromPort() + "'");
        Optional<PortSpec> in = ts.input(c.toPort());
        if (in.isEmpty()) return Optional.of(describe(to.get()) + " has no input '" + c.toPort() + "'");
        if (c.fromBlock().equals(c.toBlock())) return Optional.of("a block cannot feed itself: " + describe(to.get()) + " would read its own output");
        TypeRef want = in.get().type(), got = out.get().type();
        if (!want.accepts(got)) {
            return Optional.of("type mismatch: input '" + c.toPort() + "' of " + describe(to.get()) + " takes " + want + ", but output '"
                    + c.fromPort() + "' of " + describe(from.get()) + " gives " + got);
        }
        if (doc.reaches(c.toBlock(), c.fromBlock())) {
            return Optional.of("this would make a cycle: " + describe(from.get()) + " already depends on " + describe(to.get()));
        }
        return Optional.empty();
    }

    static String describe(Block b) {
        return switch (b.kind()) {
            case OPERATOR -> "'" + b.name() + "' (" + b.type() + ")";
            case MODULE -> "'" + b.name() + "' (" + b.type() + ")";
            case INPUT -> "input '" + b.name() + "'";
            case OUTPUT -> "output '" + b.name() + "'";
            case CONSTANT -> "constant '" + b.name() + "'";
        };
    }
}
