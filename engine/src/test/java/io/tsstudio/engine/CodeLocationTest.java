package io.tsstudio.engine;

import io.tsstudio.testkit.SharedFixtures;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrNode;
import io.tsstudio.engine.ir.IrSourceRange;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** An IR node's source range finds its line in the per-class code the studio shows, and back. */
class CodeLocationTest {
    @Test
    void linearNodeMapsToTheLineOfItsClassCode() {
        try (ScriptModule m = Jit.load(SharedFixtures.pytorch("l1000_100_10.script.dat"));
             ScriptModule linear = m.submodule("0.0")) {
            IrGraph g = linear.graph("forward");
            IrNode node = g.nodes().stream().filter(n -> n.kind().equals("aten::linear")).findFirst().orElseThrow();
            IrSourceRange r = node.sourceRange().orElseThrow();

            Map<String, CodeLocation> locations = m.codeLocations();
            CodeLocation loc = locations.get(linear.className());
            assertNotNull(loc, "no location for " + linear.className() + " in " + locations.keySet());
            assertTrue(loc.contains(r.file(), r.startLine()), loc + " vs " + r);

            String[] classLines = m.codeByClass().get(linear.className()).split("\n");
            String line = classLines[loc.classLine(r.startLine()) - 1];
            assertTrue(line.contains("linear"), "class line: " + line);
            assertEquals(r.startLine(), loc.fileLine(loc.classLine(r.startLine())));
        }
    }
}
