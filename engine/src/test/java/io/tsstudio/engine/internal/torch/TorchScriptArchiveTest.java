package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.engine.internal.torch.TorchScriptArchive.ModuleObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** LibTorch loads what the writer writes: nested modules, float attributes, training false. */
class TorchScriptArchiveTest {
    private static final String CODE = """
            class Affine(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              scale : float
              shift : float
              def forward(self: __torch__.Affine, x: Tensor) -> Tensor:
                return torch.add(torch.mul(x, self.scale), self.shift)
            class Net(Module):
              __parameters__ = []
              __buffers__ = []
              training : bool
              first : __torch__.Affine
              second : __torch__.Affine
              def forward(self: __torch__.Net, x: Tensor) -> Tensor:
                return self.second.forward(self.first.forward(x))
            """;

    @Test
    void nestedModulesWithFloatAttributesLoadAndRun() {
        ModuleObject net = new ModuleObject("Net")
                .submodule("first", new ModuleObject("Affine").floatAttribute("scale", 2.0).floatAttribute("shift", 1.0))
                .submodule("second", new ModuleObject("Affine").floatAttribute("scale", 0.5).floatAttribute("shift", -3.0));
        try (ScriptModule m = Jit.load(TorchScriptArchive.write(CODE, net));
             Tensor x = Tensors.of(new float[] {0f, 1f, 4f}, 3);
             Tensor y = (Tensor) m.forward(x)) {
            assertArrayEquals(new float[] {-2.5f, -1.5f, 1.5f}, y.toFloatArray());
            assertFalse(m.isTraining());
        }
    }
}
