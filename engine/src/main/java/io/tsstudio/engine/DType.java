package io.tsstudio.engine;

import java.util.Locale;

/** Tensor element types, named as PyTorch prints them ({@code float32}, {@code int64}, ...). */
public enum DType {
    FLOAT32("float32", 4), FLOAT64("float64", 8), FLOAT16("float16", 2), BFLOAT16("bfloat16", 2),
    INT8("int8", 1), UINT8("uint8", 1), INT16("int16", 2), INT32("int32", 4), INT64("int64", 8),
    BOOL("bool", 1), COMPLEX64("complex64", 8), COMPLEX128("complex128", 16);

    private final String jsonName;
    private final int elementSize;

    DType(String jsonName, int elementSize) {
        this.jsonName = jsonName;
        this.elementSize = elementSize;
    }

    /** The name used in JSON and in the UI, e.g. {@code float32}. */
    public String jsonName() {
        return jsonName;
    }

    public int elementSize() {
        return elementSize;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64 || this == FLOAT16 || this == BFLOAT16;
    }

    /** Accepts PyTorch spellings too: {@code float}, {@code torch.float32}, {@code long}, {@code double}. */
    public static DType parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("torch.")) n = n.substring(6);
        switch (n) {
            case "float": return FLOAT32;
            case "double": return FLOAT64;
            case "half": return FLOAT16;
            case "long": return INT64;
            case "int": return INT32;
            case "short": return INT16;
            case "byte": return UINT8;
            case "char": return INT8;
            case "boolean": return BOOL;
            default:
                for (DType d : values()) if (d.jsonName.equals(n)) return d;
                throw new IllegalArgumentException("unknown dtype '" + name + "' (expected one of float32, float64, float16, bfloat16, int8, uint8, int16, int32, int64, bool)");
        }
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
