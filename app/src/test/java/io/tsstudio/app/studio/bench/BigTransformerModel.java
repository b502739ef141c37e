package io.tsstudio.app.studio.bench;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.ModuleAssembly;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The big model of issue 11, built with the engine alone (no Python): {@code Net} holds {@code blocks} transformer-like
 * {@code Block}s ({@code b0..}) and a final {@code Norm}; a block has two {@code Norm}s, an {@code Attention} with four
 * {@code Proj}s (q, k, v, o) and an {@code Mlp} with two. Eleven modules per block, so 1,300 blocks make 14,302
 * modules; real (small) weights, one class per kind shared by all instances ({@link ModuleAssembly#newInstanceOf}),
 * as a PyTorch-saved model has. Written once per size under {@code target/bench/} and reused.
 */
public final class BigTransformerModel {
    public static final int ISSUE_BLOCKS = 1_300;
    private static final int DIM = 16;

    private ScriptModule proj;
    private ScriptModule norm;
    private ScriptModule attention;
    private ScriptModule mlp;
    private ScriptModule block;

    private BigTransformerModel() {
    }

    /** The cached file for {@code blocks} blocks under {@code dir}, generating it when missing. */
    public static Path file(Path dir, int blocks) throws IOException {
        Path file = dir.resolve(String.format(Locale.ROOT, "big-transformer-%d.pt", blocks));
        if (Files.isRegularFile(file)) return file;
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "big-transformer", ".tmp");
        try (ScriptModule net = new BigTransformerModel().net(blocks)) {
            net.save(tmp);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    /** {@code target/bench} of the module whose tests run (the working directory is the module or the repository). */
    public static Path defaultDir() {
        Path app = Path.of("app");
        return (Files.isDirectory(app.resolve("src")) ? app : Path.of(".")).resolve("target/bench").toAbsolutePath();
    }

    private ScriptModule net(int blocks) {
        ScriptModule net = ModuleAssembly.newModule("Net");
        StringBuilder forward = new StringBuilder("def forward(self, x: Tensor) -> Tensor:\n");
        for (int i = 0; i < blocks; i++) {
            ModuleAssembly.addSubmodule(net, "b" + i, newBlock());
            forward.append("    x = self.b").append(i).append(".forward(x)\n");
        }
        ModuleAssembly.addSubmodule(net, "norm", newNorm());
        forward.append("    return self.norm.forward(x)\n");
        net.define(forward.toString());
        return net;
    }

    private ScriptModule newProj() {
        boolean first = proj == null;
        ScriptModule m = first ? ModuleAssembly.newModule("Proj") : ModuleAssembly.newInstanceOf(proj);
        weights(m, "weight", DIM, DIM);
        weights(m, "bias", DIM);
        if (first) {
            m.define("def forward(self, x: Tensor) -> Tensor:\n    return torch.linear(x, self.weight, self.bias)\n");
            proj = m;
        }
        return m;
    }

    private ScriptModule newNorm() {
        boolean first = norm == null;
        ScriptModule m = first ? ModuleAssembly.newModule("Norm") : ModuleAssembly.newInstanceOf(norm);
        weights(m, "weight", DIM);
        weights(m, "bias", DIM);
        if (first) {
            m.define("def forward(self, x: Tensor) -> Tensor:\n"
                    + "    return torch.layer_norm(x, [" + DIM + "], self.weight, self.bias, 1e-05)\n");
            norm = m;
        }
        return m;
    }

    private ScriptModule newAttention() {
        boolean first = attention == null;
        ScriptModule m = first ? ModuleAssembly.newModule("Attention") : ModuleAssembly.newInstanceOf(attention);
        for (String n : new String[] {"q", "k", "v", "o"}) ModuleAssembly.addSubmodule(m, n, newProj());
        if (first) {
            m.define("""
                    def forward(self, x: Tensor) -> Tensor:
                        q = self.q.forward(x)
                        k = self.k.forward(x)
                        v = self.v.forward(x)
                        scores = torch.mul(torch.matmul(q, torch.transpose(k, -1, -2)), 0.25)
                        a = torch.softmax(scores, -1)
                        return self.o.forward(torch.matmul(a, v))
                    """);
            attention = m;
        }
        return m;
    }

    private ScriptModule newMlp() {
        boolean first = mlp == null;
        ScriptModule m = first ? ModuleAssembly.newModule("Mlp") : ModuleAssembly.newInstanceOf(mlp);
        ModuleAssembly.addSubmodule(m, "fc1", newProj());
        ModuleAssembly.addSubmodule(m, "fc2", newProj());
        if (first) {
            m.define("def forward(self, x: Tensor) -> Tensor:\n    return self.fc2.forward(torch.gelu(self.fc1.forward(x)))\n");
            mlp = m;
        }
        return m;
    }

    private ScriptModule newBlock() {
        boolean first = block == null;
        ScriptModule m = first ? ModuleAssembly.newModule("Block") : ModuleAssembly.newInstanceOf(block);
        ModuleAssembly.addSubmodule(m, "ln1", newNorm());
        ModuleAssembly.addSubmodule(m, "attn", newAttention());
        ModuleAssembly.addSubmodule(m, "ln2", newNorm());
        ModuleAssembly.addSubmodule(m, "mlp", newMlp());
        if (first) {
            m.define("""
                    def forward(self, x: Tensor) -> Tensor:
                        h = torch.add(x, self.attn.forward(self.ln1.forward(x)))
                        return torch.add(h, self.mlp.forward(self.ln2.forward(h)))
                    """);
            block = m;
        }
        return m;
    }

    private static void weights(ScriptModule m, String name, long... shape) {
        try (Tensor t = Tensors.randn(shape)) {
            m.registerParameter(name, t, false);
        }
    }

    public static void main(String[] args) throws IOException {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : ISSUE_BLOCKS;
        long t0 = System.nanoTime();
        Path f = file(defaultDir(), blocks);
        System.out.printf(Locale.ROOT, "%s (%,d bytes) ready in %d ms%n", f, Files.size(f), (System.nanoTime() - t0) / 1_000_000);
    }
}
