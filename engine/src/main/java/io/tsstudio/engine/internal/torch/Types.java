package io.tsstudio.engine.internal.torch;

import org.bytedeco.pytorch.BoolType;
import org.bytedeco.pytorch.FloatType;
import org.bytedeco.pytorch.IntType;
import org.bytedeco.pytorch.ListType;
import org.bytedeco.pytorch.OptionalType;
import org.bytedeco.pytorch.SingletonTypePtr;
import org.bytedeco.pytorch.StringType;
import org.bytedeco.pytorch.TensorType;
import org.bytedeco.pytorch.Type;

/** Process-wide TorchScript type handles (never freed: LibTorch's singletons outlive us anyway). */
final class Types {
    static final Type.TypePtr TENSOR;
    static final Type.TypePtr INT;
    static final Type.TypePtr FLOAT;
    static final Type.TypePtr BOOL;
    static final Type.TypePtr STRING;
    static final Type.TypePtr TENSOR_LIST;
    static final Type.TypePtr OPTIONAL_TENSOR;

    static {
        Runtime.ensureLoaded();
        TENSOR = keep(new Type.TypePtr(TensorType.get()));
        INT = keep(new Type.TypePtr(new SingletonTypePtr(IntType.getIntTypePtr().get())));
        FLOAT = keep(new Type.TypePtr(new SingletonTypePtr(FloatType.getFloatTypePtr().get())));
        BOOL = keep(new Type.TypePtr(new SingletonTypePtr(BoolType.get().get())));
        STRING = keep(new Type.TypePtr(new SingletonTypePtr(StringType.get().get())));
        TENSOR_LIST = keep(new Type.TypePtr(ListType.ofTensors()));
        OPTIONAL_TENSOR = keep(OptionalType.ofTensor());
    }

    private Types() {
    }

    private static Type.TypePtr keep(Type.TypePtr p) {
        p.retainReference();
        return p;
    }
}
