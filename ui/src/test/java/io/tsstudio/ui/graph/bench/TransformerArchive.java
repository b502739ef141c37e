package io.tsstudio.ui.graph.bench;

import io.tsstudio.engine.internal.torch.TorchScriptArchive;
import io.tsstudio.engine.internal.torch.TorchScriptArchive.ModuleObject;

/**
 * Generates a transformer-like TorchScript model with a real module hierarchy, as a TorchScript archive that
 * LibTorch loads: {@code Net} holds {@code blocks} blocks {@code b0..}; each {@code Block} has two {@code Norm}s, an
 * {@code Attention} (four {@code Proj}s q/k/v/o) and an {@code Mlp} (two {@code Proj}s); residual adds around both.
 * Parameter-free (projections scale and shift by float attributes) so the archive needs no tensor storage: the
 * graph's shape is what the benchmark is about. LibTorch compiles the code when it loads the archive.
 */
public final class TransformerArchive {
    private TransformerArchive() {
    }

    public static String code(int blocks) {
        StringBuilder c = new StringBuilder();
        c.append("""
                class Proj(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                  scale : float
                  shift : float
                  def forward(self: __torch__.Proj, x: Tensor) -> Tensor:
                    return torch.add(torch.mul(x, self.scale), self.shift)
                class Norm(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                  def forward(self: __torch__.Norm, x: Tensor) -> Tensor:
                    return torch.layer_norm(x, [torch.size(x, -1)])
                class Attention(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                  q : __torch__.Proj
                  k : __torch__.Proj
                  v : __torch__.Proj
                  o : __torch__.Proj
                  def forward(self: __torch__.Attention, x: Tensor) -> Tensor:
                    q = self.q.forward(x)
                    k = self.k.forward(x)
                    v = self.v.forward(x)
                    scores = torch.mul(torch.matmul(q, torch.transpose(k, -1, -2)), 0.125)
                    a = torch.softmax(scores, -1)
                    return self.o.forward(torch.matmul(a, v))
                class Mlp(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                  fc1 : __torch__.Proj
                  fc2 : __torch__.Proj
                  def forward(self: __torch__.Mlp, x: Tensor) -> Tensor:
                    return self.fc2.forward(torch.gelu(self.fc1.forward(x)))
                class Block(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                  ln1 : __torch__.Norm
                  attn : __torch__.Attention
                  ln2 : __torch__.Norm
                  mlp : __torch__.Mlp
                  def forward(self: __torch__.Block, x: Tensor) -> Tensor:
                    h = torch.add(x, self.attn.forward(self.ln1.forward(x)))
                    return torch.add(h, self.mlp.forward(self.ln2.forward(h)))
                class Net(Module):
                  __parameters__ = []
                  __buffers__ = []
                  training : bool
                """);
        for (int i = 0; i < blocks; i++) {
            c.append("  b").append(i).append(" : __torch__.Block\n");
        }
        c.append("  def forward(self: __torch__.Net, x: Tensor) -> Tensor:\n");
        for (int i = 0; i < blocks; i++) {
            c.append("    x = self.b").append(i).append(".forward(x)\n");
        }
        c.append("    return x\n");
        return c.toString();
    }

    public static byte[] archive(int blocks) {
        ModuleObject net = new ModuleObject("Net");
        for (int i = 0; i < blocks; i++) net.submodule("b" + i, block());
        return TorchScriptArchive.write(code(blocks), net);
    }

    private static ModuleObject block() {
        ModuleObject attention = new ModuleObject("Attention");
        for (String n : new String[] {"q", "k", "v", "o"}) attention.submodule(n, proj());
        return new ModuleObject("Block")
                .submodule("ln1", new ModuleObject("Norm"))
                .submodule("attn", attention)
                .submodule("ln2", new ModuleObject("Norm"))
                .submodule("mlp", new ModuleObject("Mlp").submodule("fc1", proj()).submodule("fc2", proj()));
    }

    private static ModuleObject proj() {
        return new ModuleObject("Proj").floatAttribute("scale", 0.5).floatAttribute("shift", 0.1);
    }
}
