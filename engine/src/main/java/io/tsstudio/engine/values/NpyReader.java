package io.tsstudio.engine.values;

import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a NumPy {@code .npy} file (C order; float32/64, int32/64, bool) into a CPU tensor, for run inputs. */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    public static Tensor read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        String name = file.getFileName().toString();
        if (b.remaining() < 10 || (b.get(0) & 0xff) != 0x93 || !"NUMPY".equals(new String(b.array(), 1, 5, StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException(name + " is not a .npy file (no \\x93NUMPY magic)");
        }
        int major = b.get(6);
        int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLen;
        String header = new String(b.array(), major == 1 ? 10 : 12, headerLen, StandardCharsets.US_ASCII);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) throw new IllegalArgumentException(name + ": unreadable .npy header: " + header.trim());
        if (f.group(1).equals("True")) throw new IllegalArgumentException(name + ": Fortran-order arrays are not supported; save with np.ascontiguousarray");
        List<Long> dims = new ArrayList<>();
        for (String p : s.group(1).split(",")) if (!p.isBlank()) dims.add(Long.parseLong(p.trim()));
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        long n = 1;
        for (long x : shape) n *= x;
        int count = Math.toIntExact(n);
        b.position(dataStart);
        String descr = d.group(1);
        switch (descr) {
            case "<f4" -> {
                float[] v = new float[count];
                b.asFloatBuffer().get(v);
                return Tensors.of(v, shape);
            }
            case "<f8" -> {
                double[] v = new double[count];
                b.asDoubleBuffer().get(v);
                return Tensors.of(v, shape);
            }
            case "<i8" -> {
                long[] v = new long[count];
                b.asLongBuffer().get(v);
                return Tensors.of(v, shape);
            }
            case "<i4" -> {
                int[] v = new int[count];
                b.asIntBuffer().get(v);
                return Tensors.of(v, shape);
            }
            case "|b1" -> {
                boolean[] v = new boolean[count];
                for (int i = 0; i < count; i++) v[i] = b.get() != 0;
                return Tensors.of(v, shape);
            }
            default -> throw new IllegalArgumentException(name + ": dtype " + descr + " is not supported (float32, float64, int32, int64, bool are)");
        }
    }
}
