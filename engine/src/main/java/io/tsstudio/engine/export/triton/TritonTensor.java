package io.tsstudio.engine.export.triton;

import io.tsstudio.engine.DType;

import java.util.List;

/**
 * One {@code input} or {@code output} entry of {@code config.pbtxt}.
 *
 * @param name  the tensor's name ({@code forward}'s argument name, a Dict input's key, or {@code OUTPUT__i})
 * @param dtype the element type, written as Triton's {@code data_type}
 * @param dims  the shape Triton checks, without the batch dimension when {@code max_batch_size > 0}; -1 is dynamic
 */
public record TritonTensor(String name, DType dtype, List<Long> dims) {
    public TritonTensor {
        dims = List.copyOf(dims);
        dataType(dtype, name);
    }

    /** Triton's {@code DataType} name for a dtype; complex numbers have none. */
    public static String dataType(DType dtype, String tensor) {
        return switch (dtype) {
            case BOOL -> "TYPE_BOOL";
            case UINT8 -> "TYPE_UINT8";
            case INT8 -> "TYPE_INT8";
            case INT16 -> "TYPE_INT16";
            case INT32 -> "TYPE_INT32";
            case INT64 -> "TYPE_INT64";
            case FLOAT16 -> "TYPE_FP16";
            case FLOAT32 -> "TYPE_FP32";
            case FLOAT64 -> "TYPE_FP64";
            case BFLOAT16 -> "TYPE_BF16";
            case COMPLEX64, COMPLEX128 -> throw new TritonExportException("'" + tensor + "' is " + dtype
                    + ": Triton has no complex data type (split it into real and imaginary tensors in the model)");
        };
    }

    public String dataType() {
        return dataType(dtype, name);
    }
}
