package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.DType;
import org.bytedeco.pytorch.global.torch;

/** Maps between engine {@link DType} and LibTorch's ScalarType. */
public final class Dtypes {
    private Dtypes() {
    }

    public static DType fromScalarType(torch.ScalarType t) {
        switch (t.intern()) { // native-returned enums must be interned before a switch (ordinal is bogus)
            case Float: return DType.FLOAT32;
            case Double: return DType.FLOAT64;
            case Half: return DType.FLOAT16;
            case BFloat16: return DType.BFLOAT16;
            case Char: return DType.INT8;
            case Byte: return DType.UINT8;
            case Short: return DType.INT16;
            case Int: return DType.INT32;
            case Long: return DType.INT64;
            case Bool: return DType.BOOL;
            case ComplexFloat: return DType.COMPLEX64;
            case ComplexDouble: return DType.COMPLEX128;
            default: throw new IllegalArgumentException("unsupported scalar type " + t);
        }
    }

    public static torch.ScalarType toScalarType(DType d) {
        switch (d) {
            case FLOAT32: return torch.ScalarType.Float;
            case FLOAT64: return torch.ScalarType.Double;
            case FLOAT16: return torch.ScalarType.Half;
            case BFLOAT16: return torch.ScalarType.BFloat16;
            case INT8: return torch.ScalarType.Char;
            case UINT8: return torch.ScalarType.Byte;
            case INT16: return torch.ScalarType.Short;
            case INT32: return torch.ScalarType.Int;
            case INT64: return torch.ScalarType.Long;
            case BOOL: return torch.ScalarType.Bool;
            case COMPLEX64: return torch.ScalarType.ComplexFloat;
            case COMPLEX128: return torch.ScalarType.ComplexDouble;
            default: throw new IllegalArgumentException("unsupported dtype " + d);
        }
    }
}
