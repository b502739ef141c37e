package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.ir.IrSourceRange;
import io.tsstudio.engine.observe.Frame;
import io.tsstudio.engine.observe.ModuleRecord;
import io.tsstudio.engine.observe.NodeRecord;
import io.tsstudio.engine.observe.Observation;
import io.tsstudio.engine.observe.ObservedTensor;
import io.tsstudio.engine.observe.ObservedValue;
import io.tsstudio.engine.observe.StackEntry;
import io.tsstudio.ui.observe.ObservedRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Observations and stepping frames as worker-protocol JSON, both ways. Kept tensors stay in the worker (the studio
 * asks for one value's summary later); the calls in execution order stay too (only the model diff reads them,
 * in-process), so a decoded {@link Observation} has no output (the outcome carries it) and no calls.
 */
final class ObservationJson {
    private ObservationJson() {
    }

    static ObjectNode observedRun(ObservedRun run) {
        ObjectNode o = WorkerJson.MAPPER.createObjectNode();
        o.set("outcome", WorkerMessages.outcome(run.outcome()));
        o.set("observation", observation(run.observation()));
        ObjectNode values = o.putObject("values");
        run.values().forEach((k, v) -> values.set(k, value(v)));
        return o;
    }

    static ObservedRun observedRun(JsonNode o) {
        Map<String, ObservedValue> values = new LinkedHashMap<>();
        o.path("values").properties().forEach(e -> values.put(e.getKey(), value(e.getValue())));
        return new ObservedRun(WorkerMessages.outcome(o.path("outcome")), observation(o.path("observation")), values);
    }

    static ObjectNode observation(Observation ob) {
        ObjectNode o = WorkerJson.MAPPER.createObjectNode().put("method", ob.method()).put("totalNanos", ob.totalNanos());
        ArrayNode modules = o.putArray("modules");
        for (ModuleRecord m : ob.modules()) {
            ObjectNode mo = modules.addObject().put("path", m.path()).put("className", m.className()).put("calls", m.calls())
                    .put("totalNanos", m.totalNanos()).put("selfNanos", m.selfNanos()).put("opaque", m.opaque());
            mo.set("output", value(m.output()));
        }
        ArrayNode nodes = o.putArray("nodes");
        for (NodeRecord n : ob.nodes()) {
            ObjectNode no = nodes.addObject().put("module", n.module()).put("method", n.method()).put("nodeId", n.nodeId())
                    .put("kind", n.kind()).put("calls", n.calls()).put("totalNanos", n.totalNanos()).put("opaque", n.opaque());
            ArrayNode outs = no.putArray("outputs");
            n.outputs().forEach(v -> outs.add(value(v)));
        }
        return o;
    }

    static Observation observation(JsonNode o) {
        List<ModuleRecord> modules = new ArrayList<>();
        for (JsonNode m : o.path("modules")) {
            modules.add(new ModuleRecord(m.path("path").asText(), m.path("className").asText(), m.path("calls").asLong(),
                    m.path("totalNanos").asLong(), m.path("selfNanos").asLong(), value(m.path("output")), m.path("opaque").asBoolean()));
        }
        List<NodeRecord> nodes = new ArrayList<>();
        for (JsonNode n : o.path("nodes")) {
            List<ObservedValue> outs = new ArrayList<>();
            n.path("outputs").forEach(v -> outs.add(value(v)));
            nodes.add(new NodeRecord(n.path("module").asText(), n.path("method").asText(), n.path("nodeId").asText(),
                    n.path("kind").asText(), n.path("calls").asLong(), n.path("totalNanos").asLong(), outs, n.path("opaque").asBoolean()));
        }
        return new Observation(o.path("method").asText(), null, o.path("totalNanos").asLong(), modules, nodes, List.of());
    }

    static ObjectNode value(ObservedValue v) {
        ObjectNode o = WorkerJson.MAPPER.createObjectNode().put("type", v.type()).put("text", v.text());
        ArrayNode tensors = o.putArray("tensors");
        for (ObservedTensor t : v.tensors()) {
            ObjectNode to = tensors.addObject().put("dtype", t.dtype()).put("device", t.device()).put("min", t.min())
                    .put("max", t.max()).put("mean", t.mean()).put("nanCount", t.nanCount()).put("infCount", t.infCount());
            ArrayNode shape = to.putArray("shape");
            for (long d : t.shape()) shape.add(d);
        }
        return o;
    }

    static ObservedValue value(JsonNode o) {
        List<ObservedTensor> tensors = new ArrayList<>();
        for (JsonNode t : o.path("tensors")) {
            long[] shape = new long[t.path("shape").size()];
            for (int i = 0; i < shape.length; i++) shape[i] = t.path("shape").get(i).asLong();
            tensors.add(new ObservedTensor(t.path("dtype").asText(), shape, t.path("device").asText(), t.path("min").asDouble(),
                    t.path("max").asDouble(), t.path("mean").asDouble(), t.path("nanCount").asLong(), t.path("infCount").asLong(),
                    Optional.empty()));
        }
        return new ObservedValue(o.path("type").asText(), o.path("text").asText(), tensors);
    }

    static ObjectNode frame(Frame f) {
        ObjectNode o = WorkerJson.MAPPER.createObjectNode();
        ArrayNode stack = o.putArray("stack");
        for (StackEntry e : f.stack()) {
            ObjectNode eo = stack.addObject().put("module", e.module()).put("method", e.method()).put("nodeId", e.nodeId()).put("kind", e.kind());
            e.source().ifPresent(r -> eo.putObject("source").put("file", r.file()).put("startLine", r.startLine())
                    .put("startColumn", r.startColumn()).put("endLine", r.endLine()).put("endColumn", r.endColumn()));
        }
        ObjectNode vars = o.putObject("variables");
        f.variables().forEach((k, v) -> vars.set(k, value(v)));
        return o;
    }

    static Frame frame(JsonNode o) {
        List<StackEntry> stack = new ArrayList<>();
        for (JsonNode e : o.path("stack")) {
            JsonNode s = e.path("source");
            Optional<IrSourceRange> source = s.isObject() ? Optional.of(new IrSourceRange(s.path("file").asText(), s.path("startLine").asInt(),
                    s.path("startColumn").asInt(), s.path("endLine").asInt(), s.path("endColumn").asInt())) : Optional.empty();
            stack.add(new StackEntry(e.path("module").asText(), e.path("method").asText(), e.path("nodeId").asText(), e.path("kind").asText(), source));
        }
        Map<String, ObservedValue> vars = new LinkedHashMap<>();
        o.path("variables").properties().forEach(e -> vars.put(e.getKey(), value(e.getValue())));
        return new Frame(stack, vars);
    }
}
