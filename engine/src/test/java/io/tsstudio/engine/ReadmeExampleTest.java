package io.tsstudio.engine;

import io.tsstudio.engine.trace.Tracer;
import io.tsstudio.engine.nn.Linear;
import io.tsstudio.engine.nn.ReLU;
import io.tsstudio.engine.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The README's library example, kept compiling and true. */
class ReadmeExampleTest {
    @Test
    void readmeExampleRuns(@TempDir Path dir) {
        try (CompilationUnit cu = Jit.compile("def add(x: Tensor, i: int) -> Tensor:\n    return x + i\n");
             Tensor zeros = Tensors.zeros(3)) {
            try (Tensor out = (Tensor) cu.call("add", zeros, 1L)) {
                assertArrayEquals(new float[] {1, 1, 1}, out.toFloatArray());
            }
        }
        Sequential net = new Sequential(new Linear(10, 32), new ReLU(), new Linear(32, 2));
        Path file = dir.resolve("net.pt");
        try (Tensor example = Tensors.randn(4, 10); ScriptModule traced = Tracer.trace(net, example)) {
            traced.save(file);
        }
        try (ScriptModule m = Jit.load(file); Tensor x = Tensors.ones(1, 10); Tensor y = (Tensor) m.forward(x)) {
            assertArrayEquals(new long[] {1, 2}, y.shape());
        }
    }
}
