package io.tsstudio.engine.ir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.internal.torch.IrTestModules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"linrelu.script.dat", "l1000_100_10.script.dat", "func.script.dat", "exported.method.dat",
            "r-traced-linear.pt", "scripted.script.dat", "tuple_out.dat", "list_out.dat"})
    void everyFixtureExportsWellFormedJsonAndDot(String fixture) throws Exception {
        try (ScriptModule m = IrTestModules.load(fixture)) {
            IrGraph g = m.graph("forward");
            checkJson(g);
            checkDot(g);
            checkJson(IrGraphs.constantsFolded(g));
            checkDot(IrGraphs.constantsFolded(g));
        }
    }

    @Test
    void everyMethodOfEveryFixtureAndEverySubmoduleReads() throws Exception {
        for (String fixture : new String[] {"linrelu.script.dat", "l1000_100_10.script.dat", "func.script.dat", "exported.method.dat",
                "r-traced-linear.pt", "scripted.script.dat", "tuple_out.dat", "list_out.dat"}) {
            try (ScriptModule m = IrTestModules.load(fixture)) {
                for (io.tsstudio.engine.SubmoduleInfo s : m.namedModules()) {
                    try (ScriptModule sub = s.name().isEmpty() ? null : m.submodule(s.name())) {
                        ScriptModule target = sub == null ? m : sub;
                        for (io.tsstudio.engine.MethodInfo mi : target.methods()) {
                            IrGraph g = target.graph(mi.name());
                            assertEquals(mi.name(), g.method(), fixture + " " + s.name());
                            checkJson(g);
                            checkDot(g);
                        }
                    }
                }
            }
        }
    }

    @Test
    void controlFlowExports() throws Exception {
        IrGraph g = IrTestModules.compiledFunction(IrGraphsTest.LOOP_SOURCE, "f");
        JsonNode root = checkJson(g);
        JsonNode loop = null;
        for (JsonNode n : root.get("nodes")) if (n.get("kind").asText().equals("prim::Loop")) loop = n;
        assertTrue(loop != null);
        assertEquals(1, loop.get("blocks").size());
        JsonNode branch = loop.get("blocks").get(0).get("nodes").get(1);
        assertEquals("prim::If", branch.get("kind").asText());
        assertEquals(2, branch.get("blocks").size());
        assertEquals(4, branch.get("source").get("line").asInt());
        assertEquals(9, branch.get("source").get("column").asInt());

        String dot = checkDot(g);
        assertTrue(dot.contains("subgraph \"cluster_" + branch.get("id").asText() + "\""), dot);
        // after folding, the only constants left are those a graph or block returns (the loop's "continue" flag)
        IrGraph folded = IrGraphs.constantsFolded(g);
        checkJson(folded);
        Set<String> returned = new HashSet<>();
        folded.outputs().forEach(v -> returned.add(v.id()));
        IrGraphs.allNodes(folded).forEach(n -> n.blocks().forEach(b -> returned.addAll(b.outputs())));
        List<IrNode> constants = IrGraphs.allNodes(folded).stream().filter(n -> n.kind().equals("prim::Constant")).toList();
        assertEquals(1, constants.size());
        assertTrue(returned.contains(constants.get(0).outputs().get(0)));
        IrNode mul = IrGraphs.allNodes(folded).stream().filter(n -> n.kind().equals("aten::mul")).findFirst().orElseThrow();
        assertEquals(2.5, mul.attributes().get("other"));
    }

    @Test
    void callsAndSchemasAreInTheJson() throws Exception {
        try (ScriptModule m = IrTestModules.load("linrelu.script.dat")) {
            JsonNode root = checkJson(m.graph("forward"));
            JsonNode call = root.get("nodes").get(2).get("call");
            assertEquals("0", call.get("path").asText());
            assertEquals("forward", call.get("method").asText());
            assertTrue(call.get("class").asText().endsWith("Linear"));
            assertEquals(Set.of("owner", "method", "schema", "inputs", "outputs", "values", "nodes"), keys(root));
        }
        try (ScriptModule m = IrTestModules.load("func.script.dat")) {
            JsonNode root = checkJson(m.graph("forward"));
            JsonNode add = root.get("nodes").get(1);
            assertTrue(add.get("schema").asText().startsWith("aten::add.Tensor("));
            assertEquals(1, root.get("nodes").get(0).get("attributes").get("value").asInt());
            assertTrue(add.get("source").get("line").asInt() > 0);
        }
    }

    private static Set<String> keys(JsonNode o) {
        Set<String> k = new HashSet<>();
        o.fieldNames().forEachRemaining(k::add);
        return k;
    }

    /** Parses the JSON and checks every id a node or block refers to is a listed value. */
    private static JsonNode checkJson(IrGraph g) throws Exception {
        JsonNode root = JSON.readTree(IrJson.write(g));
        Set<String> values = new HashSet<>();
        for (JsonNode v : root.get("values")) {
            assertTrue(values.add(v.get("id").asText()), "duplicate value " + v);
            assertTrue(v.has("type") && v.has("users") && v.has("name"), v.toString());
        }
        assertEquals(g.values().size(), values.size());
        for (JsonNode id : root.get("inputs")) assertTrue(values.contains(id.asText()));
        for (JsonNode id : root.get("outputs")) assertTrue(values.contains(id.asText()));
        Set<String> nodeIds = new HashSet<>();
        checkNodes(root.get("nodes"), values, nodeIds);
        for (JsonNode v : root.get("values")) {
            if (v.has("producer")) assertTrue(nodeIds.contains(v.get("producer").asText()), v.toString());
            for (JsonNode u : v.get("users")) assertTrue(nodeIds.contains(u.asText()), v.toString());
        }
        return root;
    }

    private static void checkNodes(JsonNode nodes, Set<String> values, Set<String> nodeIds) {
        for (JsonNode n : nodes) {
            assertTrue(nodeIds.add(n.get("id").asText()), "duplicate node " + n.get("id"));
            assertTrue(n.get("kind").asText().contains("::"));
            for (JsonNode id : n.get("inputs")) assertTrue(values.contains(id.asText()), "unknown input " + id + " of " + n.get("id"));
            for (JsonNode id : n.get("outputs")) assertTrue(values.contains(id.asText()));
            assertTrue(n.get("attributes").isObject());
            if (n.has("blocks")) {
                for (JsonNode b : n.get("blocks")) {
                    for (JsonNode id : b.get("inputs")) assertTrue(values.contains(id.asText()));
                    checkNodes(b.get("nodes"), values, nodeIds);
                    for (JsonNode id : b.get("outputs")) assertTrue(values.contains(id.asText()));
                }
            }
        }
    }

    private static final Pattern NODE_DECL = Pattern.compile("^\\s*(\"(?:[^\"\\\\]|\\\\.)*\") \\[", Pattern.MULTILINE);
    private static final Pattern EDGE = Pattern.compile("^\\s*(\"(?:[^\"\\\\]|\\\\.)*\") -> (\"(?:[^\"\\\\]|\\\\.)*\")", Pattern.MULTILINE);

    /** Balanced braces and quotes, and every edge joins declared nodes. */
    private static String checkDot(IrGraph g) {
        String dot = IrDot.write(g);
        assertTrue(dot.startsWith("digraph \""), dot);
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < dot.length(); i++) {
            char c = dot.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (c == '"') quoted = true;
            else if (c == '{') depth++;
            else if (c == '}') depth--;
            assertTrue(depth >= 0, "unbalanced braces at " + i);
        }
        assertEquals(0, depth);
        assertTrue(!quoted, "unterminated string");
        Set<String> declared = new HashSet<>();
        Matcher d = NODE_DECL.matcher(dot);
        while (d.find()) declared.add(d.group(1));
        Matcher e = EDGE.matcher(dot);
        List<String> edges = new ArrayList<>();
        while (e.find()) {
            assertTrue(declared.contains(e.group(1)), "edge from undeclared " + e.group(1));
            assertTrue(declared.contains(e.group(2)), "edge to undeclared " + e.group(2));
            edges.add(e.group());
        }
        int uses = 0;
        for (IrNode n : IrGraphs.allNodes(g)) {
            uses += n.inputs().size();
            assertTrue(declared.contains("\"" + n.id() + "\""), n.id());
        }
        assertEquals(uses + g.outputs().size(), edges.size());
        return dot;
    }
}
