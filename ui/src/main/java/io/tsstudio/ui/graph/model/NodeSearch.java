package io.tsstudio.ui.graph.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The graph's search: a regular expression (case-insensitive, found anywhere) over each node's kind, title, port
 * names and types, folded constants, attributes and schema.
 */
final class NodeSearch {
    private NodeSearch() {
    }

    /**
     * The nodes of {@code nodes} that match {@code regex}, in the order given.
     *
     * @throws IllegalArgumentException with the pattern error when the expression is not valid
     */
    static SearchResults find(String regex, List<GraphNode> nodes) {
        Pattern p;
        try {
            p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex() + " in '" + regex + "'", e);
        }
        List<GraphNode> hits = new ArrayList<>();
        for (GraphNode n : nodes) {
            if (matches(p, n)) {
                hits.add(n);
            }
        }
        return new SearchResults(regex, hits);
    }

    private static boolean matches(Pattern p, GraphNode n) {
        if (p.matcher(n.title()).find() || n.ir().map(i -> p.matcher(i.kind()).find()).orElse(false)
                || n.schema().map(s -> p.matcher(s).find()).orElse(false)) {
            return true;
        }
        for (List<Port> ports : List.of(n.inputs(), n.outputs())) {
            for (Port port : ports) {
                if (p.matcher(port.name()).find() || p.matcher(port.type()).find()
                        || (port.isFolded() && p.matcher(port.folded()).find())) {
                    return true;
                }
            }
        }
        for (var e : n.attributes().entrySet()) {
            if (p.matcher(e.getKey()).find() || p.matcher(e.getValue()).find()) {
                return true;
            }
        }
        return false;
    }
}
