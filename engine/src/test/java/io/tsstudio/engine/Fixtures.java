package io.tsstudio.engine;


/** Tensor helpers of the engine's tests (fixture files are located by {@code io.tsstudio.testkit.SharedFixtures}). */
public final class Fixtures {
    private Fixtures() {
    }

    static Tensor ones(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        float[] v = new float[(int) n];
        java.util.Arrays.fill(v, 1f);
        return Tensors.of(v, shape);
    }

    static Tensor zeros(long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return Tensors.of(new float[(int) n], shape);
    }

    static Tensor rand(java.util.Random r, long... shape) {
        long n = 1;
        for (long d : shape) n *= d;
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) v[i] = r.nextFloat();
        return Tensors.of(v, shape);
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
