package io.tsstudio.engine.ir;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.TorchException;
import io.tsstudio.engine.internal.torch.IrTestModules;
import io.tsstudio.engine.types.ParsedSchema;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrGraphsTest {
    static final String LOOP_SOURCE = String.join("\n",
            "def f(x: Tensor, n: int):",
            "    y = x",
            "    for i in range(n):",
            "        if i > 2:",
            "            y = y + 1",
            "        else:",
            "            y = y * 2.5",
            "    return y, [1, 2], 'hi'",
            "");

    private static List<String> kinds(List<IrNode> nodes) {
        return nodes.stream().map(IrNode::kind).toList();
    }

    @Test
    void linreluCallsItsTwoChildrenByPath() {
        try (ScriptModule m = IrTestModules.load("linrelu.script.dat")) {
            IrGraph g = m.graph("forward");
            assertEquals(List.of("prim::GetAttr", "prim::GetAttr", "prim::CallMethod", "prim::CallMethod"), kinds(g.nodes()));
            assertEquals(2, g.inputs().size());
            assertTrue(g.owner().endsWith("Sequential"), g.owner());
            assertTrue(g.inputs().get(0).type().endsWith("Sequential"));
            assertEquals("Tensor", g.inputs().get(1).type());
            assertTrue(g.schema().startsWith("forward("), g.schema());

            IrCall first = g.nodes().get(2).call().orElseThrow();
            IrCall second = g.nodes().get(3).call().orElseThrow();
            assertEquals("0", first.submodulePath());
            assertTrue(first.className().endsWith(".Linear"), first.className());
            assertEquals("forward", first.method());
            assertEquals("1", second.submodulePath());
            assertTrue(second.className().endsWith(".ReLU"), second.className());
            assertEquals("1", g.nodes().get(0).attributes().get("name"));

            // data flow: the first call's output feeds the second call, whose output is returned
            String hidden = g.nodes().get(2).outputs().get(0);
            assertEquals(hidden, g.nodes().get(3).inputs().get(1));
            assertEquals(List.of(g.nodes().get(3).id()), g.value(hidden).users());
            assertEquals(g.nodes().get(3).outputs().get(0), g.outputs().get(0).id());
            assertEquals(g.nodes().get(2).id(), g.value(hidden).producer().orElseThrow());
        }
    }

    @Test
    void nestedSequentialKeepsItsHierarchy() {
        try (ScriptModule m = IrTestModules.load("l1000_100_10.script.dat")) {
            IrGraph g = m.graph("forward");
            List<IrCall> calls = IrGraphs.allNodes(g).stream().flatMap(n -> n.call().stream()).toList();
            assertEquals(List.of("0", "1"), calls.stream().map(IrCall::submodulePath).toList());
            assertTrue(calls.get(0).className().endsWith(".Sequential"), calls.get(0).className());
            assertTrue(calls.get(1).className().endsWith(".Linear"), calls.get(1).className());

            // one level down (how a view expands "0"): its own children, so the full path is 0.0 and 0.1
            try (ScriptModule inner = m.submodule("0")) {
                IrGraph g0 = inner.graph("forward");
                List<IrCall> innerCalls = IrGraphs.allNodes(g0).stream().flatMap(n -> n.call().stream()).toList();
                assertEquals(List.of("0", "1"), innerCalls.stream().map(IrCall::submodulePath).toList());
                assertTrue(innerCalls.get(0).className().endsWith(".Linear"));
                assertTrue(innerCalls.get(1).className().endsWith(".ReLU"));
                assertEquals(calls.get(0).className(), g0.owner());
            }
        }
    }

    @Test
    void getAttrChainsResolveToDottedPaths() {
        try (ScriptModule leaf = IrTestModules.define("Leaf", "def forward(self, x):\n    return x * 2\n");
             ScriptModule mid = IrTestModules.define("Mid", "def forward(self, x):\n    return self.lin.forward(x)\n", "lin", leaf);
             ScriptModule top = IrTestModules.define("Top", "def forward(self, x):\n    return self.seq.lin.forward(x) + self.seq.forward(x)\n", "seq", mid)) {
            IrGraph g = top.graph("forward");
            List<IrCall> calls = IrGraphs.allNodes(g).stream().flatMap(n -> n.call().stream()).toList();
            assertEquals(Set.of("seq.lin", "seq"), new HashSet<>(calls.stream().map(IrCall::submodulePath).toList()));
            IrCall leafCall = calls.stream().filter(c -> c.submodulePath().equals("seq.lin")).findFirst().orElseThrow();
            assertTrue(leafCall.className().endsWith("Leaf"), leafCall.className());
            assertEquals("forward", leafCall.method());
        }
    }

    @Test
    void functionSavedAsModuleHasAnOperatorWithSchema() {
        try (ScriptModule m = IrTestModules.load("func.script.dat")) {
            IrGraph g = m.graph("forward");
            assertEquals(List.of("prim::Constant", "aten::add"), kinds(g.nodes()));
            IrNode constant = g.nodes().get(0);
            assertEquals(1L, constant.attributes().get("value"));
            assertEquals("int", g.value(constant.outputs().get(0)).type());
            IrNode add = g.nodes().get(1);
            assertTrue(add.schema().orElseThrow().startsWith("aten::add.Tensor(Tensor self, Tensor other"), add.schema().orElseThrow());
            assertEquals(3, add.inputs().size());
            assertTrue(constant.call().isEmpty());
            assertTrue(add.call().isEmpty());
            assertEquals("add", add.shortKind());
            assertEquals("aten", add.namespace());
        }
    }

    @Test
    void constantsFoldIntoNamedAttributesOfTheirUsers() {
        try (ScriptModule m = IrTestModules.load("func.script.dat")) {
            IrGraph g = m.graph("forward");
            IrGraph folded = IrGraphs.constantsFolded(g);
            assertEquals(List.of("aten::add"), kinds(folded.nodes()));
            IrNode add = folded.nodes().get(0);
            assertEquals(2, add.inputs().size());
            assertEquals(1L, add.attributes().get("alpha"));
            assertEquals(g.values().size() - 1, folded.values().size());
            assertFalse(folded.values().containsKey(g.nodes().get(0).outputs().get(0)));
        }
    }

    @Test
    void otherMethodsAndTupleOutputs() {
        try (ScriptModule m = IrTestModules.load("exported.method.dat")) {
            IrGraph forward = m.graph("forward");
            assertEquals(List.of("prim::Constant", "aten::add", "aten::sub", "prim::TupleConstruct"), kinds(forward.nodes()));
            assertEquals("(Tensor, Tensor)", forward.outputs().get(0).type());

            IrGraph predict = m.graph("predict");
            assertEquals("predict", predict.method());
            IrNode getP = predict.nodes().stream().filter(n -> n.kind().equals("prim::GetAttr")).findFirst().orElseThrow();
            assertEquals("p", getP.attributes().get("name"));

            IrGraph addScalar = m.graph("add_scalar");
            assertEquals("int", addScalar.inputs().get(2).type());

            TorchException e = assertThrows(TorchException.class, () -> m.graph("nope"));
            assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("predict") && e.getMessage().contains("add_scalar"), e.getMessage());
        }
    }

    @Test
    void ifBlocksOfAModuleMadeByRTorch() {
        try (ScriptModule m = IrTestModules.load("r-traced-linear.pt")) {
            IrGraph g = m.graph("forward");
            IrNode branch = g.nodes().stream().filter(n -> n.kind().equals("prim::If")).findFirst().orElseThrow();
            assertEquals(2, branch.blocks().size());
            assertEquals(List.of("prim::CallMethod"), kinds(branch.blocks().get(0).nodes()));
            IrCall train = branch.blocks().get(0).nodes().get(0).call().orElseThrow();
            IrCall eval = branch.blocks().get(1).nodes().get(0).call().orElseThrow();
            assertEquals("", train.submodulePath());
            assertEquals("trainforward", train.method());
            assertEquals("evalforward", eval.method());
            // block outputs are values of the graph, defined inside the blocks
            String blockOut = branch.blocks().get(0).outputs().get(0);
            assertEquals(branch.blocks().get(0).nodes().get(0).id(), g.value(blockOut).producer().orElseThrow());
        }
    }

    @Test
    void loopAndIfBlocksWithSourceRangesFromCompiledSource() {
        IrGraph g = IrTestModules.compiledFunction(LOOP_SOURCE, "f");
        assertEquals("f", g.method());
        assertEquals(List.of("x", "n"), g.inputs().stream().map(IrValue::debugName).map(d -> d.replaceAll("\\.\\d+$", "")).toList());
        IrNode loop = g.nodes().stream().filter(n -> n.kind().equals("prim::Loop")).findFirst().orElseThrow();
        assertEquals(1, loop.blocks().size());
        IrBlock body = loop.blocks().get(0);
        assertEquals(List.of("int", "Tensor"), body.inputs().stream().map(id -> g.value(id).type()).toList());
        assertEquals(List.of("aten::gt", "prim::If"), kinds(body.nodes()));
        IrNode branch = body.nodes().get(1);
        assertEquals(List.of("aten::add"), kinds(branch.blocks().get(0).nodes()));
        assertEquals(List.of("aten::mul"), kinds(branch.blocks().get(1).nodes()));

        String[] lines = LOOP_SOURCE.split("\n");
        assertSourceAt(lines, body.nodes().get(0), 4, "i > 2");
        assertSourceAt(lines, branch.blocks().get(0).nodes().get(0), 5, "y + 1");
        assertSourceAt(lines, branch.blocks().get(1).nodes().get(0), 7, "y * 2.5");
        assertSourceAt(lines, loop, 3, "for i in range(n):");

        // constants of every kind arrive typed
        Set<Object> constants = new HashSet<>();
        for (IrNode n : IrGraphs.allNodes(g)) if (n.kind().equals("prim::Constant")) constants.add(n.attributes().get("value"));
        assertTrue(constants.containsAll(List.of("hi", 2.5, true, 2L, 1L)), constants.toString());
        assertEquals("(Tensor, int[], str)", g.outputs().get(0).type());
    }

    @Test
    void functionsOfSourceWithClassesAreMethodsOfAHostModule() {
        String source = String.join("\n",
                "class Scale:",
                "    def __init__(self, k: float):",
                "        self.k = k",
                "    def apply(self, x: Tensor) -> Tensor:",
                "        return x * self.k",
                "",
                "def twice(x: Tensor) -> Tensor:",
                "    return Scale(2.0).apply(x)",
                "");
        IrGraph g = IrTestModules.compiledFunction(source, "twice");
        assertEquals("twice", g.method());
        assertTrue(IrGraphs.allNodes(g).stream().anyMatch(n -> n.kind().equals("prim::CallMethod") || n.kind().equals("prim::CreateObject")),
                IrGraphs.allNodes(g).stream().map(IrNode::kind).toList().toString());
        assertEquals("Tensor", g.outputs().get(0).type());
    }

    @Test
    void functionCallsNameTheirCallee() {
        IrGraph g = IrTestModules.compiledFunction("def helper(x: Tensor) -> Tensor:\n    return x * 2\n\ndef f(x: Tensor) -> Tensor:\n    return helper(x) + 1\n", "f");
        IrNode call = IrGraphs.allNodes(g).stream().filter(n -> n.kind().equals("prim::CallFunction")).findFirst()
                .orElseThrow(() -> new AssertionError(IrGraphs.allNodes(g).stream().map(IrNode::kind).toList().toString()));
        IrCall callee = call.call().orElseThrow();
        assertEquals("", callee.submodulePath());
        assertEquals("helper", callee.method());
        assertTrue(callee.className().endsWith("helper"), callee.className());
    }

    @Test
    void stringConstantsSurviveEscapingAndUnicode() {
        IrGraph g = IrTestModules.compiledFunction("def g(s: str):\n    return s + 'h\u00e9 \"q\", x] = a::b\\n'\n", "g");
        IrNode constant = g.nodes().stream().filter(n -> n.kind().equals("prim::Constant")).findFirst().orElseThrow();
        assertEquals("h\u00e9 \"q\", x] = a::b\n", constant.attributes().get("value"));
    }

    private static void assertSourceAt(String[] lines, IrNode n, int line, String text) {
        IrSourceRange r = n.sourceRange().orElseThrow(() -> new AssertionError(n.kind() + " has no source range"));
        assertEquals(line, r.startLine(), n.kind() + " line");
        String fromColumn = lines[line - 1].substring(r.startColumn() - 1);
        assertTrue(fromColumn.startsWith(text), n.kind() + " at column " + r.startColumn() + ": '" + fromColumn + "'");
        if (r.endLine() == r.startLine()) assertEquals(text, lines[line - 1].substring(r.startColumn() - 1, r.endColumn() - 1));
        else assertTrue(r.endLine() > r.startLine(), "end after start");
    }

    @Test
    void idsAreUniqueAndStable() {
        try (ScriptModule m = IrTestModules.load("r-traced-linear.pt"); ScriptModule again = IrTestModules.load("r-traced-linear.pt")) {
            IrGraph a = m.graph("forward");
            assertEquals(a, m.graph("forward"));
            assertEquals(a, again.graph("forward"));
            List<IrNode> all = IrGraphs.allNodes(a);
            assertEquals(all.size(), all.stream().map(IrNode::id).distinct().count());
            // every referenced value exists
            for (IrNode n : all) {
                for (String v : n.inputs()) assertTrue(a.values().containsKey(v), v);
                for (String v : n.outputs()) assertTrue(a.values().containsKey(v), v);
                for (IrBlock b : n.blocks()) b.outputs().forEach(v -> assertTrue(a.values().containsKey(v), v));
            }
        }
    }

    @Test
    void schemaArgumentNames() {
        assertEquals(List.of("self", "other", "alpha"), ParsedSchema.argumentNames("aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor"));
        assertEquals(List.of("self", "dim", "keepdim", "dtype"),
                ParsedSchema.argumentNames("aten::sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor"));
        assertEquals(List.of("self", "src"), ParsedSchema.argumentNames("aten::copy_(Tensor(a!) self, Tensor src) -> Tensor(a!)"));
        assertEquals(List.of(), ParsedSchema.argumentNames("f() -> int"));
        // return names, as the graph view labels output ports: null where the schema names none
        assertEquals(java.util.Arrays.asList("values", "indices"),
                ParsedSchema.returnNames("aten::max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)"));
        assertEquals(java.util.Arrays.asList((String) null), ParsedSchema.returnNames("aten::copy_(Tensor(a!) self, Tensor src) -> Tensor(a!)"));
        assertEquals(List.of(), ParsedSchema.returnNames("aten::_assert(bool condition, str message)"));
    }
}
