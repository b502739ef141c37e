package io.tsstudio.engine.internal.torch;

import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.GenericList;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.global.torch;
import io.tsstudio.engine.TorchException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds typed TorchScript dicts. The presets cannot construct a {@code c10::Dict} from Java, so a tiny compiled
 * TorchScript function turns two typed lists into a {@code Dict[K, V]}; one is compiled per (K, V) and kept.
 */
final class DictBuilder {
    private static final Map<String, Function> BUILDERS = new ConcurrentHashMap<>();

    private DictBuilder() {
    }

    /** Call inside a PointerScope; the dict belongs to it. */
    static IValue build(TsType keyType, TsType valueType, GenericList keys, GenericList values) {
        Function f = builder(keyType.text(), valueType.text());
        return f.apply(new IValueVector(new IValue(keys), new IValue(values)));
    }

    private static Function builder(String k, String v) {
        String key = k + "\u0000" + v;
        Function f = BUILDERS.get(key);
        if (f != null) return f;
        synchronized (BUILDERS) {
            f = BUILDERS.get(key);
            if (f != null) return f;
            String d = "Dict[" + k + ", " + v + "]";
            String src = "def build(ks: List[" + k + "], vs: List[" + v + "]) -> " + d + ":\n"
                    + "    d: " + d + " = {}\n"
                    + "    for i in range(len(ks)):\n"
                    + "        d[ks[i]] = vs[i]\n"
                    + "    return d\n";
            try {
                CompilationUnit cu = torch.compile(src);
                cu.retainReference(); // kept for the process: the function lives in it
                f = cu.find_function(new QualifiedName("build"));
            } catch (RuntimeException e) {
                throw new TorchException("cannot build a " + d + " from Java: " + Errors.clean(e), e);
            }
            BUILDERS.put(key, f);
            return f;
        }
    }
}
