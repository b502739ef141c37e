package io.tsstudio.engine.internal.torch;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GraphTextTest {
    @Test
    void readsKindsAndAttributesInOrder() {
        String text = String.join("\n",
                "graph(%self.1 : __torch__.M,",
                "      %x.1 : Float(2, strides=[1], requires_grad=0, device=cpu)):",
                "  %_0 : __torch__.L = prim::GetAttr[name=\"0\"](%self.1)",
                "  %s : str = prim::Constant[value=\"a, b] = x::y \\\"q\\\"\"]() # <string>:2:4",
                "  %l : int[] = prim::Constant[value=[1, 2]]()",
                "   = prim::SetAttr[name=\"w\"](%self.1, %x.1)",
                "  %y : Tensor = prim::If(%c)",
                "    block0():",
                "      -> (%x.1)",
                "  return (%y)");
        List<GraphText.PrintedNode> nodes = GraphText.parse(text);
        assertEquals(List.of("prim::GetAttr", "prim::Constant", "prim::Constant", "prim::SetAttr", "prim::If"),
                nodes.stream().map(GraphText.PrintedNode::kind).toList());
        assertEquals(Map.of("name", "\"0\""), nodes.get(0).attributes());
        assertEquals("a, b] = x::y \"q\"", GraphText.unquote(nodes.get(1).attributes().get("value")));
        assertEquals("[1, 2]", nodes.get(2).attributes().get("value"));
        assertEquals("w", GraphText.unquote(nodes.get(3).attributes().get("name")));
        assertEquals(Map.of(), nodes.get(4).attributes());
    }

    @Test
    void unquotesCEscapesAndOctalUtf8Bytes() {
        assertEquals("a\nb\t\\'", GraphText.unquote("\"a\\nb\\t\\\\\\'\""));
        assertEquals("é", GraphText.unquote("\"\\0)+\\/.)\""));     // how LibTorch prints the UTF-8 bytes C3 A9
        assertEquals("\u0001", GraphText.unquote("\"\\001\""));
        assertEquals("plain", GraphText.unquote("plain"));
    }
}
