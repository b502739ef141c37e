package io.tsstudio.ui.graph.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                stored(zip, "archive/code/__torch__.py", code(blocks).getBytes(StandardCharsets.UTF_8));
                stored(zip, "archive/constants.pkl", new byte[]{(byte) 0x80, 2, ')', '.'});
                stored(zip, "archive/data.pkl", pickle(blocks));
                stored(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The module tree as torch.jit.save pickles it: each object is GLOBAL, NEWOBJ(), then BUILD with its attributes. */
    private static byte[] pickle(int blocks) {
        Pickle p = new Pickle();
        p.out.writeBytes(new byte[]{(byte) 0x80, 2});
        p.begin("Net");
        for (int i = 0; i < blocks; i++) {
            p.key("b" + i);
            block(p);
        }
        p.end();
        p.out.write('.');
        return p.out.toByteArray();
    }

    private static void block(Pickle p) {
        p.begin("Block");
        p.key("ln1");
        p.begin("Norm");
        p.end();
        p.key("attn");
        p.begin("Attention");
        for (String n : new String[]{"q", "k", "v", "o"}) {
            p.key(n);
            proj(p);
        }
        p.end();
        p.key("ln2");
        p.begin("Norm");
        p.end();
        p.key("mlp");
        p.begin("Mlp");
        p.key("fc1");
        proj(p);
        p.key("fc2");
        proj(p);
        p.end();
        p.end();
    }

    private static void proj(Pickle p) {
        p.begin("Proj");
        p.key("scale");
        p.floatValue(0.5);
        p.key("shift");
        p.floatValue(0.1);
        p.end();
    }

    private static final class Pickle {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void begin(String cls) {
            out.writeBytes(("c__torch__\n" + cls + "\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(new byte[]{')', (byte) 0x81, '}', '('});
            key("training");
            out.write(0x89);
        }

        void key(String k) {
            byte[] b = k.getBytes(StandardCharsets.UTF_8);
            out.write('X');
            out.writeBytes(ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
            out.writeBytes(b);
        }

        void floatValue(double v) {
            out.write('G');
            out.writeBytes(ByteBuffer.allocate(8).putDouble(v).array());
        }

        void end() {
            out.writeBytes(new byte[]{'u', 'b'});
        }
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
