package io.tsstudio.app.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunPlan;
import io.tsstudio.engine.run.RunRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The worker protocol's messages as JSON, both ways (requests, method lists, run outcomes). */
final class WorkerMessages {
    private WorkerMessages() {
    }

    static ObjectNode op(String name) {
        return WorkerJson.MAPPER.createObjectNode().put("op", name);
    }

    static ArrayNode methods(List<MethodInfo> methods) {
        ArrayNode out = WorkerJson.MAPPER.createArrayNode();
        for (MethodInfo m : methods) {
            ObjectNode o = out.addObject().put("name", m.name()).put("schema", m.schema()).put("returnType", m.returnType());
            ArrayNode args = o.putArray("arguments");
            for (ArgumentInfo a : m.arguments()) {
                ObjectNode ao = args.addObject().put("name", a.name()).put("type", a.type());
                a.defaultValue().ifPresent(d -> ao.put("default", d));
            }
        }
        return out;
    }

    static List<MethodInfo> methods(JsonNode array) {
        List<MethodInfo> out = new ArrayList<>();
        for (JsonNode m : array) {
            List<ArgumentInfo> args = new ArrayList<>();
            for (JsonNode a : m.path("arguments")) {
                args.add(new ArgumentInfo(a.path("name").asText(), a.path("type").asText(),
                        a.has("default") ? Optional.of(a.get("default").asText()) : Optional.empty()));
            }
            out.add(new MethodInfo(m.path("name").asText(), m.path("schema").asText(), args, m.path("returnType").asText()));
        }
        return out;
    }

    static JsonNode proposals(List<ProposedInput> proposals) {
        return WorkerJson.MAPPER.valueToTree(proposals);
    }

    static List<ProposedInput> proposals(JsonNode array) {
        List<ProposedInput> out = new ArrayList<>();
        for (JsonNode p : array) {
            out.add(new ProposedInput(p.path("name").asText(), p.path("type").asText(), p.path("json").asText(), p.path("source").asText()));
        }
        return out;
    }

    static ObjectNode run(RunRequest r) {
        ObjectNode o = op("run").put("method", r.method())
                .put("warmup", r.plan().warmup()).put("iterations", r.plan().iterations()).put("concurrency", r.plan().concurrency())
                .put("inference", r.plan().inference());
        ArrayNode args = o.putArray("args");
        r.argsJson().forEach(args::add);
        return o;
    }

    static RunRequest run(JsonNode o) {
        List<String> args = new ArrayList<>();
        for (JsonNode a : o.path("args")) args.add(a.asText());
        return new RunRequest(o.path("method").asText("forward"), args,
                new RunPlan(o.path("warmup").asInt(0), o.path("iterations").asInt(1), o.path("concurrency").asInt(1),
                        o.path("inference").asBoolean(false)));
    }

    static JsonNode outcome(RunOutcome outcome) {
        return WorkerJson.MAPPER.valueToTree(outcome);
    }

    static RunOutcome outcome(JsonNode node) {
        try {
            return WorkerJson.MAPPER.treeToValue(node, RunOutcome.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new WorkerException(WorkerException.Kind.ERROR, "the worker sent an unreadable result: " + e.getOriginalMessage());
        }
    }
}
