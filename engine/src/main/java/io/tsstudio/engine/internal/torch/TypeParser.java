package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.CompilationUnit;
import org.bytedeco.pytorch.Function;
import org.bytedeco.pytorch.QualifiedName;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.global.torch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a TorchScript annotation ({@code List[int]}, {@code Dict[str, Tensor]}) into a native type. The presets do not
 * map the type parser, so a one-line function with that annotation is compiled and its argument type read; each
 * annotation is compiled once per process.
 */
final class TypeParser {
    private static final Map<String, Type.TypePtr> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, CompilationUnit> UNITS = new ConcurrentHashMap<>();

    private TypeParser() {
    }

    static Type.TypePtr parse(String annotation) {
        Type.TypePtr cached = CACHE.get(annotation);
        if (cached != null) return cached;
        synchronized (CACHE) {
            cached = CACHE.get(annotation);
            if (cached != null) return cached;
            try (PointerScope s = new PointerScope()) {
                CompilationUnit cu = torch.compile("def _type_probe(x: " + annotation + "):\n    pass\n");
                cu.retainReference();
                UNITS.put(annotation, cu);
                Function f = cu.find_function(new QualifiedName("_type_probe"));
                Type.TypePtr t = new Type.TypePtr(f.getSchema().arguments().getPointer(0).type());
                t.retainReference();
                CACHE.put(annotation, t);
                return t;
            } catch (RuntimeException e) {
                throw new TorchException("unknown TorchScript type '" + annotation + "': " + Errors.clean(e));
            }
        }
    }
}
