package io.tsstudio.engine.values;

import io.tsstudio.engine.files.AtomicWrite;
import io.tsstudio.engine.DType;
import io.tsstudio.engine.Tensor;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a tensor as a NumPy {@code .npy} file (format version 1.0: magic, header dict padded to 64 bytes, raw
 * little-endian C-order data). float16 and bfloat16 are widened to float32, which NumPy reads everywhere.
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    public static void write(Tensor t, Path file) throws IOException {
        DType dt = t.dtype();
        long[] shape = t.shape();
        ByteBuffer data;
        String descr;
        switch (dt) {
            case FLOAT32, FLOAT16, BFLOAT16 -> {
                float[] v = t.toFloatArray();
                data = buffer(v.length * 4L);
                data.asFloatBuffer().put(v);
                descr = "<f4";
            }
            case FLOAT64 -> {
                double[] v = t.toDoubleArray();
                data = buffer(v.length * 8L);
                data.asDoubleBuffer().put(v);
                descr = "<f8";
            }
            case INT64 -> {
                long[] v = t.toLongArray();
                data = buffer(v.length * 8L);
                data.asLongBuffer().put(v);
                descr = "<i8";
            }
            case INT32 -> {
                int[] v = t.toIntArray();
                data = buffer(v.length * 4L);
                data.asIntBuffer().put(v);
                descr = "<i4";
            }
            case INT16, INT8, UINT8 -> {
                long[] v = t.toLongArray();
                int size = dt.elementSize();
                data = buffer((long) v.length * size);
                for (long x : v) {
                    if (size == 2) data.putShort((short) x); else data.put((byte) x);
                }
                data.rewind();
                descr = dt == DType.INT16 ? "<i2" : dt == DType.INT8 ? "|i1" : "|u1";
            }
            case BOOL -> {
                boolean[] v = t.toBooleanArray();
                data = buffer(v.length);
                for (boolean x : v) data.put((byte) (x ? 1 : 0));
                data.rewind();
                descr = "|b1";
            }
            default -> throw new IllegalArgumentException("cannot write a " + dt + " tensor as .npy");
        }
        ByteBuffer body = data;
        AtomicWrite.writeStream(file, out -> {
            out.write(header(descr, shape));
            out.write(body.array(), 0, body.capacity());
        });
    }

    static byte[] header(String descr, long[] shape) {
        StringBuilder s = new StringBuilder("(");
        for (long d : shape) s.append(d).append(", ");
        if (shape.length > 1) s.setLength(s.length() - 2);
        else if (shape.length == 1) s.setLength(s.length() - 1);
        s.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s + ", }";
        int unpadded = 10 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String text = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer h = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        h.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        h.putShort((short) text.length());
        h.put(text.getBytes(StandardCharsets.US_ASCII));
        return h.array();
    }

    private static ByteBuffer buffer(long bytes) {
        if (bytes > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("tensor too large for one .npy write: " + bytes + " bytes");
        return ByteBuffer.allocate((int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
