package io.tsstudio.engine.run;

import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrGraphs;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.engine.ir.IrValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A method's graph as {@link InputProposal} reads it: nodes indexed by id and by pre-order position, the constants
 * that feed a node, and its inputs' types as LibTorch prints them (only the printed graph shows a traced input's
 * sizes; {@code Type.str()} says just "Tensor").
 */
final class MethodGraph {
    private static final Pattern INPUT = Pattern.compile("%[^\\s:]+ : ");
    final IrGraph ir;
    final Map<String, IrNode> nodes = new HashMap<>();
    final Map<String, Integer> order = new HashMap<>();
    private final List<String> printedTypes = new ArrayList<>();

    MethodGraph(IrGraph ir, String printed) {
        this.ir = ir;
        int open = printed.indexOf('(');
        int close = printed.indexOf("):");
        if (printed.startsWith("graph(") && close > open) {
            String header = printed.substring(open + 1, close);
            Matcher m = INPUT.matcher(header);
            List<int[]> spans = new ArrayList<>();
            while (m.find()) spans.add(new int[] {m.start(), m.end()});
            for (int i = 0; i < spans.size(); i++) {
                String t = header.substring(spans.get(i)[1], i + 1 < spans.size() ? spans.get(i + 1)[0] : header.length()).trim();
                printedTypes.add(t.endsWith(",") ? t.substring(0, t.length() - 1).trim() : t);
            }
        }
        List<IrNode> all = IrGraphs.allNodes(ir);
        for (int i = 0; i < all.size(); i++) {
            nodes.put(all.get(i).id(), all.get(i));
            order.put(all.get(i).id(), i);
        }
    }

    /** The printed type of the graph's input {@code input} ({@code Float(1, 3, strides=...)}), or null. */
    String printedType(int input) {
        return input >= 0 && input < printedTypes.size() ? printedTypes.get(input) : null;
    }

    long constantInt(IrNode n, int input, long otherwise) {
        Object v = constant(n, input);
        if (v instanceof Number num) return num.longValue();
        if (v instanceof Boolean b) return b ? 1 : 0;
        return otherwise;
    }

    /** An int list given as a constant or built by {@code prim::ListConstruct} from constants; else null. */
    List<Long> constantInts(IrNode n, int input) {
        Object v = constant(n, input);
        if (v instanceof List<?> l && l.stream().allMatch(x -> x instanceof Number)) return l.stream().map(x -> ((Number) x).longValue()).toList();
        IrNode construct = producer(n, input);
        if (construct == null || !construct.kind().equals("prim::ListConstruct")) return null;
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < construct.inputs().size(); i++) {
            Object item = constant(construct, i);
            if (!(item instanceof Number num)) return null;
            out.add(num.longValue());
        }
        return out;
    }

    private Object constant(IrNode n, int input) {
        IrNode c = producer(n, input);
        return c != null && c.kind().equals("prim::Constant") ? c.attributes().get("value") : null;
    }

    private IrNode producer(IrNode n, int input) {
        if (input >= n.inputs().size()) return null;
        IrValue v = ir.value(n.inputs().get(input));
        return v == null || v.producer().isEmpty() ? null : nodes.get(v.producer().get());
    }
}
