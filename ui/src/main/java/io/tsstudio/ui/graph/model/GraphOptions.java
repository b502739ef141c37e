package io.tsstudio.ui.graph.model;

/**
 * How a graph is turned into drawn nodes.
 *
 * @param foldConstants  fold {@code prim::Constant}, attribute reads and constant lists into their users' ports
 * @param flat           inline every submodule call into one flat graph instead of collapsed groups
 * @param sectionSize    groups with more nodes than this are split into sections of at most this many
 */
public record GraphOptions(boolean foldConstants, boolean flat, int sectionSize) {
    public static final int DEFAULT_SECTION_SIZE = 1000;

    public GraphOptions {
        if (sectionSize < 2) {
            throw new IllegalArgumentException("sectionSize must be at least 2, was " + sectionSize);
        }
    }

    public static GraphOptions defaults() {
        return new GraphOptions(true, false, DEFAULT_SECTION_SIZE);
    }

    public GraphOptions withFoldConstants(boolean fold) {
        return new GraphOptions(fold, flat, sectionSize);
    }

    public GraphOptions withFlat(boolean flatView) {
        return new GraphOptions(foldConstants, flatView, sectionSize);
    }

    public GraphOptions withSectionSize(int size) {
        return new GraphOptions(foldConstants, flat, size);
    }
}
