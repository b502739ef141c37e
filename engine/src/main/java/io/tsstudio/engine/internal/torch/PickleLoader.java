package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TensorInfo;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.ByteVector;
import org.bytedeco.pytorch.GenericDict;
import org.bytedeco.pytorch.GenericDictEntryRef;
import org.bytedeco.pytorch.GenericDictIterator;
import org.bytedeco.pytorch.IValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** LibTorch's {@code pickle_load} on a whole {@code torch.save} archive, to list a state dict's tensors. */
public final class PickleLoader {
    private PickleLoader() {
    }

    /** The tensors of a dict of str to Tensor, or empty when LibTorch reads something else (or nothing). */
    public static Optional<List<TensorInfo>> stateDictTensors(byte[] archive) {
        try (PointerScope s = new PointerScope()) {
            IValue v = org.bytedeco.pytorch.global.torch.pickle_load(new ByteVector(archive));
            if (v == null || !v.isGenericDict()) return Optional.empty();
            GenericDict d = v.toGenericDict();
            List<TensorInfo> out = new ArrayList<>();
            GenericDictIterator it = d.begin();
            for (long i = 0, n = d.size(); i < n; i++, it.increment()) {
                GenericDictEntryRef e = it.multiply();
                if (!e.key().isString() || !e.value().isTensor()) return Optional.empty();
                org.bytedeco.pytorch.Tensor t = e.value().toTensor();
                out.add(new TensorInfo(e.key().toStringRef().getString(), Arrays.stream(NativeTensor.shapeOf(t)).boxed().toList(),
                        Dtypes.fromScalarType(t.scalar_type())));
            }
            return Optional.of(out);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
