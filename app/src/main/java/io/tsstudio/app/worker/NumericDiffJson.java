package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.diff.ModuleOutputDiff;
import io.tsstudio.engine.diff.NumericDiff;
import io.tsstudio.engine.diff.Tolerance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link NumericDiff} as the worker's {@code diff} reply carries it, both ways, losing nothing. Not the CLI's
 * {@code diff --json} contract (app.cli.DiffReport): that one is issue 16's exact, smaller projection (no shape
 * changes, no calls counted, no modules called on one side only), which the studio's marks need.
 * Differences that are not finite numbers travel as the texts {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}.
 */
final class NumericDiffJson {
    private NumericDiffJson() {
    }

    static ObjectNode json(NumericDiff d) {
        ObjectNode o = WorkerJson.MAPPER.createObjectNode();
        o.put("method", d.method());
        o.putObject("tolerance").put("rtol", d.tolerance().rtol()).put("atol", d.tolerance().atol());
        o.put("outputsEqual", d.outputsEqual());
        number(o, "outputMaxAbsDiff", d.outputMaxAbsDiff());
        ArrayNode modules = o.putArray("modules");
        d.modules().forEach(m -> modules.add(module(m)));
        if (d.firstDivergence().isPresent()) o.set("firstDivergence", module(d.firstDivergence().get()));
        else o.putNull("firstDivergence");
        d.onlyInA().forEach(o.putArray("onlyInA")::add);
        d.onlyInB().forEach(o.putArray("onlyInB")::add);
        return o;
    }

    static NumericDiff numericDiff(JsonNode o) {
        if (!o.isObject() || !o.path("modules").isArray()) {
            throw new WorkerException(WorkerException.Kind.ERROR, "the worker sent an unreadable comparison: " + o);
        }
        List<ModuleOutputDiff> modules = new ArrayList<>();
        o.path("modules").forEach(m -> modules.add(module(m)));
        JsonNode first = o.path("firstDivergence");
        return new NumericDiff(o.path("method").asText(),
                new Tolerance(o.path("tolerance").path("rtol").asDouble(), o.path("tolerance").path("atol").asDouble()),
                o.path("outputsEqual").asBoolean(), number(o.path("outputMaxAbsDiff")), modules,
                first.isObject() ? Optional.of(module(first)) : Optional.empty(),
                texts(o.path("onlyInA")), texts(o.path("onlyInB")));
    }

    private static ObjectNode module(ModuleOutputDiff m) {
        ObjectNode n = WorkerJson.MAPPER.createObjectNode().put("path", m.path()).put("calls", m.calls());
        number(n, "maxAbsDiff", m.maxAbsDiff());
        return n.put("shapeChanged", m.shapeChanged()).put("diverges", m.diverges()).put("compared", m.compared());
    }

    private static ModuleOutputDiff module(JsonNode n) {
        return new ModuleOutputDiff(n.path("path").asText(), n.path("calls").asInt(), number(n.path("maxAbsDiff")),
                n.path("shapeChanged").asBoolean(), n.path("diverges").asBoolean(), n.path("compared").asBoolean());
    }

    private static void number(ObjectNode n, String key, Double value) {
        if (value == null) n.putNull(key);
        else if (Double.isFinite(value)) n.put(key, value);
        else n.put(key, value.toString());
    }

    private static Double number(JsonNode n) {
        if (n.isNull() || n.isMissingNode()) return null;
        return n.isTextual() ? Double.valueOf(n.asText()) : n.asDouble();
    }

    private static List<String> texts(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(t -> out.add(t.asText()));
        return out;
    }
}
