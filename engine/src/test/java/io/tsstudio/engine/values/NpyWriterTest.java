package io.tsstudio.engine.values;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class NpyWriterTest {
    @Test
    void writesHeaderAndLittleEndianData(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.npy");
        try (Tensor t = Tensors.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)) {
            NpyWriter.write(t, f);
        }
        byte[] b = Files.readAllBytes(f);
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, b[6]);
        int headerLen = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertEquals(0, (10 + headerLen) % 64, "data must start on a 64-byte boundary");
        String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.trim());
        assertTrue(header.endsWith("\n"));
        ByteBuffer data = ByteBuffer.wrap(b, 10 + headerLen, 24).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 1; i <= 6; i++) assertEquals(i, data.getFloat());
        assertEquals(10 + headerLen + 24, b.length);
    }

    @Test
    void oneDimensionalShapeHasATrailingComma() {
        byte[] one = NpyWriter.header("<i8", new long[] {5});
        String h = new String(one, 10, one.length - 10, StandardCharsets.US_ASCII);
        assertTrue(h.startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (5,), }"), h);
        byte[] none = NpyWriter.header("<f8", new long[0]);
        String s = new String(none, 10, none.length - 10, StandardCharsets.US_ASCII);
        assertTrue(s.contains("'shape': ()"), s);
    }
}
