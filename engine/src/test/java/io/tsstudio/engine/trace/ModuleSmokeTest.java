package io.tsstudio.engine.trace;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.internal.torch.ModuleBuilder;
import io.tsstudio.engine.nn.*;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ModuleSmokeTest {
    @Test
    void linear() throws Exception {
        Linear lin = new Linear(10, 10);
        ScriptModule m = Tracer.trace(lin, Tensor.randn(10, 10));
        System.out.println(ModuleBuilder.methodGraph(m.nativeHandle(), "trainforward"));
        System.out.println(ModuleBuilder.methodGraph(m.nativeHandle(), "forward"));
        Tensor x = Tensor.randn(3, 10);
        Tensor y = (Tensor) ModuleBuilder.callMethod(m.nativeHandle(), "forward", List.of(x));
        assertTrue(y.allclose(lin.forward(x)));
        Path p = Files.createTempFile("m", ".pt");
        ModuleBuilder.save(m.nativeHandle(), p, false);
        var back = ModuleBuilder.load(p);
        assertTrue(y.allclose((Tensor) ModuleBuilder.callMethod(back, "forward", List.of(x))));
        Sequential net = new Sequential(new Conv2d(1, 4, 3), new ReLU(), new MaxPool2d(2), new Dropout(0.25), new Flatten(), new Linear(4 * 13 * 13, 10), new LogSoftmax(1));
        net.eval();
        ScriptModule n = Tracer.trace(net, Tensor.randn(2, 1, 28, 28));
        System.out.println(ModuleBuilder.methodGraph(n.nativeHandle(), "evalforward"));
        Tensor in = Tensor.randn(5, 1, 28, 28);
        assertTrue(net.forward(in).allclose((Tensor) ModuleBuilder.callMethod(n.nativeHandle(), "forward", List.of(in)), 1e-5, 1e-6));
    }
}
