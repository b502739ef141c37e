package io.tsstudio.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CompileTest {
    @Test
    void compiledFunctionsAreListedAndCallable() {
        String src = "def add_i(x: int, y: int) -> int:\n"
                + "    return x + y\n"
                + "\n"
                + "def relu_sum(x: Tensor, y: Tensor, scale: float = 2.0) -> Tensor:\n"
                + "    return torch.relu(x + y) * scale\n";
        try (CompilationUnit cu = Jit.compile(src)) {
            List<String> names = cu.functions().stream().map(FunctionInfo::name).toList();
            assertEquals(List.of("add_i", "relu_sum"), names);
            assertEquals(5L, cu.call("add_i", 2L, 3L));
            ScriptFunction f = cu.function("relu_sum");
            assertEquals("relu_sum", f.name());
            assertEquals(3, f.schema().arguments().size());
            assertEquals("2.", f.schema().arguments().get(2).defaultValue().orElseThrow().substring(0, 2));
            try (Tensor x = Tensors.of(new float[] {1, -3}); Tensor y = Tensors.of(new float[] {1, 1}); Tensor out = (Tensor) f.call(x, y)) {
                assertArrayEquals(new float[] {4, 0}, out.toFloatArray());
            }
            assertTrue(f.graphText().contains("aten::relu"), f.graphText());
        }
    }

    @Test
    void undefinedNameReportsLineAndColumn() {
        String src = "def f(x: int) -> int:\n"
                + "    y = x * 2\n"
                + "    return y + undefined_name\n";
        CompileException e = assertThrows(CompileException.class, () -> Jit.compile(src));
        assertEquals(3, e.line());
        assertEquals(16, e.column());
        assertEquals("    return y + undefined_name", e.sourceLine());
        assertTrue(e.shortMessage().contains("undefined value undefined_name"), e.shortMessage());
        assertFalse(e.getMessage().contains("Exception raised from"), e.getMessage());
    }

    @Test
    void typeErrorInSecondFunctionReportsItsLine() {
        String src = "def ok(x: int) -> int:\n"
                + "    return x\n"
                + "\n"
                + "def bad(x: Tensor) -> int:\n"
                + "    return x.size(\"a\", 3, 4)\n";
        CompileException e = assertThrows(CompileException.class, () -> Jit.compile(src));
        assertEquals(5, e.line());
        assertEquals(12, e.column());
    }

    @Test
    void syntaxErrorHasALine() {
        CompileException e = assertThrows(CompileException.class, () -> Jit.compile("def f(x: int) -> int:\n    return x +\n"));
        assertTrue(e.line() >= 2, "line " + e.line());
        assertTrue(e.column() >= 1);
    }

    @Test
    void compiledFunctionsBecomeAModule() {
        String src = "def helper(x: Tensor) -> Tensor:\n"
                + "    return x * 3\n"
                + "\n"
                + "def forward(x: Tensor) -> Tensor:\n"
                + "    return helper(x) + 1\n";
        try (CompilationUnit cu = Jit.compile(src); ScriptModule m = cu.toModule("__torch__.Compiled")) {
            assertEquals("__torch__.Compiled", m.className());
            assertTrue(m.hasMethod("helper"));
            try (Tensor x = Tensors.of(new float[] {1, 2}); Tensor out = (Tensor) m.forward(x)) {
                assertArrayEquals(new float[] {4, 7}, out.toFloatArray());
            }
            try (ScriptModule again = Jit.load(m.toBytes()); Tensor x = Tensors.of(new float[] {1}); Tensor out = (Tensor) again.forward(x)) {
                assertArrayEquals(new float[] {4}, out.toFloatArray());
            }
        }
    }

    @Test
    void errorsInSourceWithClassesMapBackToTheSourceLine() {
        String src = "class Pair(NamedTuple):\n"
                + "    a: int\n"
                + "    b: int\n"
                + "\n"
                + "def total(p: Pair) -> int:\n"
                + "    return p.a + missing\n";
        CompileException e = assertThrows(CompileException.class, () -> Jit.compile(src));
        assertEquals(6, e.line(), e.getMessage());
        assertEquals(18, e.column(), e.getMessage());
        assertEquals("    return p.a + missing", e.sourceLine());
    }

    @Test
    void sourceWithClassesBecomesAModuleThatSavesAndReloads() {
        String src = "class Pair(NamedTuple):\n"
                + "    a: int\n"
                + "    b: int\n"
                + "\n"
                + "def make(a: int) -> Pair:\n"
                + "    return Pair(a, a * 2)\n"
                + "\n"
                + "def forward(a: int) -> int:\n"
                + "    p = make(a)\n"
                + "    return p.a + p.b\n";
        try (CompilationUnit cu = Jit.compile(src); ScriptModule m = cu.toModule("Paired")) {
            assertEquals("__torch__.Paired", m.className());
            assertEquals(List.of("make", "forward"), cu.functions().stream().map(FunctionInfo::name).toList());
            assertEquals(9L, m.forward(3L));
            try (ScriptModule again = Jit.load(m.toBytes())) {
                assertEquals(12L, again.forward(4L));
                JitTuple p = (JitTuple) again.call("make", 1L);
                assertEquals(List.of("a", "b"), p.names());
            }
        }
    }

    /**
     * Source with classes goes through an archive; it must compile with today's operator semantics, not those of an
     * old archive version (integer torch.div truncated before version 4; gelu had no approximate before version 10).
     */
    @Test
    void sourceWithClassesHasTodaysOperatorSemantics() {
        String src = "class Box(NamedTuple):\n"
                + "    x: Tensor\n"
                + "\n"
                + "def halves(b: Box) -> Tensor:\n"
                + "    return torch.div(b.x, torch.tensor([2]))\n"
                + "\n"
                + "def forward(x: Tensor) -> Tensor:\n"
                + "    return torch.gelu(x, approximate='tanh')\n";
        try (CompilationUnit cu = Jit.compile(src); Tensor seven = Tensors.of(new long[] {7}, 1); Tensor one = Tensors.ones(1)) {
            try (Tensor h = (Tensor) cu.call("halves", JitTuple.named(List.of("x"), List.of(seven)))) {
                assertArrayEquals(new double[] {3.5}, h.toDoubleArray(), "true division, as torch.div has divided since version 4");
            }
            try (Tensor g = (Tensor) cu.call("forward", one)) {
                assertEquals(0.841192, g.toDoubleArray()[0], 1e-5, "gelu's tanh approximation");
            }
        }
    }
}
