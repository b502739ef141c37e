package io.tsstudio.app.worker;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrGraphs;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.engine.observe.ModuleRecord;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.ui.observe.ValueKeys;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every observed value of a run by {@link ValueKeys#value value key}, from the records (which name nodes, not
 * values) and the methods' IR: a node's outputs are its output values; a called method's inputs are the values its
 * caller passed at the first call; the root method's inputs are the arguments. Loop-carried block parameters have no
 * single value and stay out (their edges keep the static type).
 */
final class ObservedValueMap {
    private ObservedValueMap() {
    }

    static Map<String, ObservedValue> of(ScriptModule root, Observation o, List<ObservedValue> arguments) {
        Map<String, String> classOf = new HashMap<>();
        for (ModuleRecord m : o.modules()) classOf.put(m.path(), m.className());
        Map<String, NodeRecord> records = new HashMap<>();
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add(ValueKeys.scope("", o.method()));
        for (NodeRecord n : o.nodes()) {
            records.put(ValueKeys.node(n.module(), n.method(), n.nodeId()), n);
            scopes.add(ValueKeys.scope(n.module(), n.method()));
        }
        Map<String, IrGraph> graphs = new HashMap<>();
        Map<String, ObservedValue> out = new LinkedHashMap<>();
        // Callers before callees (a caller's path is a prefix of its callee's), so passed-through inputs are known.
        List<String> ordered = new java.util.ArrayList<>(scopes);
        ordered.sort(java.util.Comparator.comparingInt(ObservedValueMap::depth));
        for (String scope : ordered) {
            String module = ValueKeys.moduleOf(scope), method = ValueKeys.methodOf(scope);
            IrGraph g;
            try {
                g = graphs.computeIfAbsent(classOf.getOrDefault(module, "path:" + module) + "#" + method, k -> ModuleGraphs.loader(root).load(module, method));
            } catch (RuntimeException e) {
                continue; // a method the IR reader cannot read: its edges keep their static types
            }
            if (module.isEmpty() && method.equals(o.method())) {
                for (int i = 1; i < g.inputs().size() && i - 1 < arguments.size(); i++) {
                    out.putIfAbsent(ValueKeys.value(module, method, g.inputs().get(i).id()), arguments.get(i - 1));
                }
            }
            for (IrNode n : IrGraphs.allNodes(g)) {
                NodeRecord r = records.get(ValueKeys.node(module, method, n.id()));
                if (r == null) continue;
                for (int i = 0; i < n.outputs().size() && i < r.outputs().size(); i++) {
                    out.putIfAbsent(ValueKeys.value(module, method, n.outputs().get(i)), r.outputs().get(i));
                }
                if (n.kind().equals("prim::CallMethod") && n.call().isPresent()) {
                    String callee = join(module, n.call().get().submodulePath());
                    String calleeMethod = n.call().get().method();
                    IrGraph cg;
                    try {
                        cg = graphs.computeIfAbsent(classOf.getOrDefault(callee, "path:" + callee) + "#" + calleeMethod,
                                k -> ModuleGraphs.loader(root).load(callee, calleeMethod));
                    } catch (RuntimeException e) {
                        continue;
                    }
                    for (int j = 1; j < cg.inputs().size() && j < n.inputs().size(); j++) {
                        ObservedValue passed = out.get(ValueKeys.value(module, method, n.inputs().get(j)));
                        if (passed != null) out.putIfAbsent(ValueKeys.value(callee, calleeMethod, cg.inputs().get(j).id()), passed);
                    }
                }
            }
        }
        return out;
    }

    private static int depth(String scope) {
        String module = ValueKeys.moduleOf(scope);
        return module.isEmpty() ? 0 : module.split("\\.").length;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "." + b;
    }
}
