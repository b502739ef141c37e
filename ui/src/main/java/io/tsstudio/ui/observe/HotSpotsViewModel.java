package io.tsstudio.ui.observe;

import io.tsstudio.engine.observe.ModuleRecord;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.observe.Observation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hot-spots table's rows: modules and operators of an observed run, by self time (ties by total time). Operator
 * rows are the nodes that do the work; calls, If and Loop are containers whose time is their contents', so they show
 * only through their module's row and the graph's colours.
 */
public final class HotSpotsViewModel {
    private static final Set<String> CONTAINERS = Set.of("prim::CallMethod", "prim::CallFunction", "prim::If", "prim::Loop");

    private HotSpotsViewModel() {
    }

    public static List<HotSpot> rows(Observation o) {
        Map<String, String> firstNodeOf = new HashMap<>();
        List<HotSpot> rows = new ArrayList<>();
        for (NodeRecord n : o.nodes()) {
            String key = ValueKeys.node(n.module(), n.method(), n.nodeId());
            firstNodeOf.putIfAbsent(n.module(), key);
            if (CONTAINERS.contains(n.kind())) continue;
            rows.add(new HotSpot(false, n.kind() + (n.opaque() ? " (run whole)" : ""), n.module().isEmpty() ? "(root)" : n.module(),
                    n.calls(), n.totalNanos(), n.totalNanos(), key));
        }
        for (ModuleRecord m : o.modules()) {
            String cls = m.className();
            int dot = cls.lastIndexOf('.');
            rows.add(new HotSpot(true, m.path().isEmpty() ? "(root)" : m.path(), dot < 0 ? cls : cls.substring(dot + 1),
                    m.calls(), m.selfNanos(), m.totalNanos(), firstNodeOf.get(m.path())));
        }
        rows.sort(Comparator.comparingLong(HotSpot::selfNanos).reversed().thenComparing(Comparator.comparingLong(HotSpot::totalNanos).reversed()));
        return rows;
    }
}
