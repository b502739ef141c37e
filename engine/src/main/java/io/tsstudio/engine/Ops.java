package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.Dispatcher;
import io.tsstudio.engine.internal.torch.OpCatalog;
import io.tsstudio.engine.types.OpSchema;

import java.util.List;
import java.util.Map;

/**
 * Any operator of LibTorch's registry (about 4,300 overloads), by qualified name: {@code Ops.call("aten::relu", x)}.
 * The overload is chosen from the Java arguments against each schema (Tensor, Long/Integer for int, Double for float,
 * Boolean, String, long[]/double[]/boolean[] for lists, List of tensors, DType, Device, null for None); trailing
 * arguments with defaults may be left out, and an exact overload can be named ({@code aten::add.Tensor}). Dims are
 * 0-based. Calls inside a trace are recorded like every other tensor operation.
 */
public final class Ops {
    private Ops() {
    }

    /** Runs the operator; the single result, or an unmodifiable list for operators with several results. */
    public static Object call(String name, Object... args) {
        return Dispatcher.call(name, args);
    }

    /**
     * Calls with positional arguments and then arguments by their schema names, keyword-only ones included:
     * {@code Ops.callNamed("aten::sum", List.of(x), Map.of("dim", new long[] {1}, "keepdim", true))}.
     */
    public static Object callNamed(String name, List<?> positional, Map<String, ?> named) {
        return Dispatcher.callNamed(name, positional, named);
    }

    /** The schema a call with these arguments would use. */
    public static OpSchema resolve(String name, Object... args) {
        return Dispatcher.resolveSchema(name, args);
    }

    /** Every overload of {@code name} (or the one named {@code name.overload}), in registry order; empty if unknown. */
    public static List<OpSchema> schemas(String name) {
        return OpCatalog.get().schemas(name);
    }

    /** Distinct qualified operator names ({@code aten::abs}, ...), sorted; read once and cached. */
    public static List<String> names() {
        return OpCatalog.get().names();
    }

    /** Every registered operator overload; read once and cached. */
    public static List<OpSchema> all() {
        return OpCatalog.get().all();
    }
}
