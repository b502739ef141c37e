package io.tsstudio.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds ../shared/fixtures by walking up from the working directory (surefire runs in the module directory); the one
 * fixture locator of the engine's tests.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(f)) return f;
        }
        throw new IllegalStateException("shared/fixtures not found above " + Path.of("").toAbsolutePath());
    }

    public static Path pytorch(String name) {
        return root().resolve("pytorch").resolve(name);
    }

    static Path notTorchScript(String name) {
        return root().resolve("not-torchscript").resolve(name);
    }

    static Tensor ones(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        float[] v = new float[(int) n];
        java.util.Arrays.fill(v, 1f);
        return Tensor.of(v, shape);
    }

    static Tensor zeros(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return Tensor.of(new float[(int) n], shape);
    }

    static Tensor rand(java.util.Random r, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = r.nextFloat();
        return Tensor.of(v, shape);
    }

    static void assertClose(float[] expected, float[] actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            double tol = 1e-5 + 1e-4 * Math.abs(expected[i]);
            if (Math.abs(expected[i] - actual[i]) > tol) {
                org.junit.jupiter.api.Assertions.fail("element " + i + ": expected " + expected[i] + " but was " + actual[i]
                        + " (expected " + java.util.Arrays.toString(expected) + ", actual " + java.util.Arrays.toString(actual) + ")");
            }
        }
    }
}
