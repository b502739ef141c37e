package io.tsstudio.ui.observe;

import io.tsstudio.engine.observe.ModuleRecord;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.observe.ObservedTensor;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.ui.graph.model.GraphEdge;
import io.tsstudio.ui.graph.model.GraphNode;
import io.tsstudio.ui.graph.render.NodeDecor;
import io.tsstudio.ui.graph.model.NodeKind;
import io.tsstudio.ui.graph.model.ShapeLookup;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An observed run as the graph view reads it: edge labels ({@code [1,64,56,56] f32}) by group path and value id,
 * node time and colour by node id, module totals by path. Drawn nodes find their records through their ids (which
 * start with the {@link ValueKeys#scope scope}), so nothing is matched node by node up front: a graph of tens of
 * thousands of nodes costs one hash lookup per drawn node or labelled edge. Toolkit-free.
 */
public final class ObservationIndex implements ShapeLookup, NodeDecor {
    /** Colours from cold (a sliver of the run) to hot (all of it), light enough for the dark node text. */
    public static final int[] RAMP = {0xFFFFF7D6, 0xFFFFE08A, 0xFFFFB866, 0xFFFF8A5C, 0xFFF25C54};

    private final ObservedRun run;
    private final Map<String, NodeRecord> nodes = new HashMap<>();
    private final Map<String, ModuleRecord> modules = new HashMap<>();
    private final Map<GraphNode, Long> groupTimes = new IdentityHashMap<>();
    private final long total;

    public ObservationIndex(ObservedRun run) {
        this.run = run;
        for (NodeRecord n : run.observation().nodes()) nodes.put(ValueKeys.node(n.module(), n.method(), n.nodeId()), n);
        for (ModuleRecord m : run.observation().modules()) modules.put(m.path(), m);
        total = Math.max(1, run.observation().totalNanos());
    }

    public ObservedRun run() {
        return run;
    }

    public long totalNanos() {
        return total;
    }

    // ---- edges

    @Override
    public Optional<String> shape(String groupPath, String valueId) {
        return value(groupPath, valueId).map(ObservationIndex::label);
    }

    /** The value an edge of the group at {@code groupPath} carries, when the run observed it. */
    public Optional<ObservedValue> value(String groupPath, String valueId) {
        return Optional.ofNullable(run.values().get(valueKey(groupPath, valueId)));
    }

    public Optional<ObservedValue> value(GraphEdge e) {
        return value(e.from().group().path(), e.valueId());
    }

    /**
     * The {@link ValueKeys#value value key} of an edge's value. In the flat view an inlined callee's value ids carry
     * their scope ({@code layer1#forward:v3}).
     */
    public static String valueKey(String groupPath, String valueId) {
        int colon = valueId.lastIndexOf(':');
        if (colon > 0 && valueId.indexOf('#') >= 0 && valueId.indexOf('#') < colon) {
            return valueId.substring(0, colon) + "|" + valueId.substring(colon + 1);
        }
        return ValueKeys.scopeOf(groupPath) + "|" + valueId;
    }

    /** {@code [1,64,56,56] f32}; several tensors in parentheses; a scalar as its text. */
    public static String label(ObservedValue v) {
        List<ObservedTensor> ts = v.tensors();
        if (ts.isEmpty()) return v.text();
        if (ts.size() == 1 && v.type().startsWith("Tensor")) return tensor(ts.get(0));
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < ts.size() && i < 3; i++) sb.append(i == 0 ? "" : ", ").append(tensor(ts.get(i)));
        return sb.append(ts.size() > 3 ? ", \u2026 " + ts.size() + " tensors)" : ")").toString();
    }

    private static String tensor(ObservedTensor t) {
        StringBuilder sb = new StringBuilder("[");
        long[] shape = t.shape();
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ",").append(shape[i]);
        return sb.append("] ").append(shortDtype(t.dtype())).toString();
    }

    static String shortDtype(String dtype) {
        return switch (dtype) {
            case "float32" -> "f32";
            case "float64" -> "f64";
            case "float16" -> "f16";
            case "bfloat16" -> "bf16";
            case "int64" -> "i64";
            case "int32" -> "i32";
            case "int16" -> "i16";
            case "int8" -> "i8";
            case "uint8" -> "u8";
            default -> dtype;
        };
    }

    // ---- nodes

    /** The node key of a drawn node ({@code layer1#forward/n7}); in the flat view an inlined node's id carries its scope. */
    public static String nodeKey(GraphNode n) {
        String id = n.id();
        int slash = id.indexOf('/');
        if (slash < 0) return id;
        String rest = id.substring(slash + 1);
        int colon = rest.lastIndexOf(':');
        if (colon > 0 && rest.indexOf('#') >= 0 && rest.indexOf('#') < colon && rest.indexOf('/') < 0) {
            return rest.substring(0, colon) + "/" + rest.substring(colon + 1);
        }
        // nodes inside If/Loop blocks and sections are named after their graph's scope too
        int last = id.lastIndexOf('/');
        return ValueKeys.scopeOf(id) + "/" + id.substring(last + 1);
    }

    public Optional<NodeRecord> record(GraphNode n) {
        if (n.ir().isEmpty()) return Optional.empty();
        return Optional.ofNullable(nodes.get(nodeKey(n)));
    }

    public Optional<ModuleRecord> module(String path) {
        return Optional.ofNullable(modules.get(path));
    }

    /**
     * Time spent in a drawn node over the run: its record's total (a submodule call or an If/Loop includes what ran
     * inside); a section or branch, the sum of what it holds. Empty when it did not run.
     */
    public Optional<Long> nanos(GraphNode n) {
        Optional<NodeRecord> r = record(n);
        if (r.isPresent()) return Optional.of(r.get().totalNanos());
        if (n.kind() != NodeKind.SECTION && n.kind() != NodeKind.BRANCH) return Optional.empty();
        if (!n.hasContent()) return Optional.empty();
        Long cached = groupTimes.get(n);
        if (cached == null) {
            long sum = 0;
            boolean any = false;
            for (GraphNode c : n.content().nodes()) {
                Optional<Long> t = nanos(c);
                if (t.isPresent()) {
                    sum += t.get();
                    any = true;
                }
            }
            cached = any ? sum : -1L;
            groupTimes.put(n, cached);
        }
        return cached < 0 ? Optional.empty() : Optional.of(cached);
    }

    @Override
    public int fill(GraphNode n) {
        if (n.kind() == NodeKind.INPUT || n.kind() == NodeKind.OUTPUT || n.kind() == NodeKind.CONSTANT) return 0;
        return nanos(n).map(t -> heat((double) t / total)).orElse(0);
    }

    @Override
    public String badge(GraphNode n) {
        // an input or output node shows the observed shape of the value it stands for, in place of its static type
        if (n.kind() == NodeKind.INPUT && !n.outputs().isEmpty()) return shape(n.group().path(), n.outputs().get(0).valueId()).orElse(null);
        if (n.kind() == NodeKind.OUTPUT && !n.inputs().isEmpty()) return shape(n.group().path(), n.inputs().get(0).valueId()).orElse(null);
        if (n.kind() == NodeKind.INPUT || n.kind() == NodeKind.OUTPUT) return null;
        return nanos(n).map(t -> {
            long calls = record(n).map(NodeRecord::calls).orElse(1L);
            return millis(t) + (calls > 1 ? " \u00D7" + calls : "");
        }).orElse(null);
    }

    /**
     * The ramp colour for a share of the run. Square-root scaled: in a real model most nodes take well under 1% of
     * the time, and on a linear scale all but the top few would look alike.
     */
    public static int heat(double share) {
        double t = Math.sqrt(Math.max(0, Math.min(1, share))) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) t);
        return mix(RAMP[i], RAMP[i + 1], t - i);
    }

    private static int mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    public static String millis(long nanos) {
        double ms = nanos / 1e6;
        if (ms >= 100) return String.format(Locale.ROOT, "%.0f ms", ms);
        if (ms >= 1) return String.format(Locale.ROOT, "%.2f ms", ms);
        return String.format(Locale.ROOT, "%.1f \u00B5s", nanos / 1e3);
    }
}
