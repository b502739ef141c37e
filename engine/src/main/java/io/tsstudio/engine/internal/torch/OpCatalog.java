package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.types.OpArgument;
import io.tsstudio.engine.types.OpSchema;
import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.Argument;
import org.bytedeco.pytorch.FunctionSchema;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueOptional;
import org.bytedeco.pytorch.Operator;
import org.bytedeco.pytorch.OperatorVector;
import org.bytedeco.pytorch.Symbol;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LibTorch operator registry, read once and digested into Java records. The native operator vector is kept for
 * the life of the process: the registry's operators are process-wide and {@link OpOverload} points into it.
 */
public final class OpCatalog {
    private static volatile OpCatalog instance;

    private final OperatorVector keepAlive;
    private final Map<String, List<OpOverload>> byName;
    private final Map<String, OpOverload> byFullName;
    private final List<OpSchema> all;
    private final List<String> names;

    private OpCatalog() {
        Runtime.ensureLoaded();
        keepAlive = torch.getAllOperators();
        Map<String, List<OpOverload>> names = new LinkedHashMap<>();
        Map<String, OpOverload> full = new LinkedHashMap<>();
        List<OpSchema> schemas = new ArrayList<>();
        long n = keepAlive.size();
        for (long i = 0; i < n; i++) {
            Operator op = keepAlive.get(i);
            OpOverload o = digest(op);
            names.computeIfAbsent(o.schema.name(), k -> new ArrayList<>()).add(o);
            full.putIfAbsent(o.schema.fullName(), o);
            schemas.add(o.schema);
        }
        names.replaceAll((k, v) -> List.copyOf(v));
        byName = Collections.unmodifiableMap(names);
        byFullName = Collections.unmodifiableMap(full);
        all = List.copyOf(schemas);
        this.names = byName.keySet().stream().sorted().toList();
    }

    public static OpCatalog get() {
        OpCatalog c = instance;
        if (c == null) {
            synchronized (OpCatalog.class) {
                if (instance == null) instance = buildOutsideScopes();
                c = instance;
            }
        }
        return c;
    }

    /**
     * Forgets the digest after a native library registered new operators; the next {@link #get()} reads the registry
     * again. Earlier catalogs stay reachable: callers may hold their {@link OpOverload}s, which point into them.
     */
    public static void invalidate() {
        synchronized (OpCatalog.class) {
            if (instance != null) RETIRED.add(instance);
            instance = null;
        }
    }

    private static final List<OpCatalog> RETIRED = new ArrayList<>();

    /**
     * PointerScopes are per thread: building on a thread of our own keeps the catalog's native objects out of
     * whatever scope the first caller happens to have open (they would be freed when it closes).
     */
    private static OpCatalog buildOutsideScopes() {
        OpCatalog[] out = new OpCatalog[1];
        RuntimeException[] error = new RuntimeException[1];
        Thread t = new Thread(() -> {
            try {
                out[0] = new OpCatalog();
            } catch (RuntimeException e) {
                error[0] = e;
            }
        }, "op-catalog");
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TorchException("interrupted while reading the operator registry");
        }
        if (error[0] != null) throw error[0];
        return out[0];
    }

    public List<OpSchema> all() {
        return all;
    }

    /** Distinct qualified operator names, sorted. */
    public List<String> names() {
        return names;
    }

    public List<OpSchema> schemas(String name) {
        List<OpOverload> list = byName.get(name);
        if (list == null) {
            OpOverload o = byFullName.get(name);
            return o == null ? List.of() : List.of(o.schema);
        }
        List<OpSchema> out = new ArrayList<>(list.size());
        for (OpOverload o : list) out.add(o.schema);
        return out;
    }

    List<OpOverload> overloads(String name) {
        return byName.getOrDefault(name, List.of());
    }

    OpOverload exact(String fullName) {
        return byFullName.get(fullName);
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    // ---- digesting one schema ----

    private static String str(BytePointer p) {
        return p == null ? "" : p.getString();
    }

    private static OpOverload digest(Operator op) {
        FunctionSchema s = op.schema();
        String name = str(s.name());
        String overload = str(s.overload_name());
        List<ArgSpec> args = specs(s.arguments());
        List<ArgSpec> rets = specs(s.returns());
        List<OpArgument> pubArgs = new ArrayList<>(args.size());
        List<OpArgument> pubRets = new ArrayList<>(rets.size());
        StringBuilder text = new StringBuilder(name);
        if (!overload.isEmpty()) text.append('.').append(overload);
        text.append('(');
        Argument raw = s.arguments();
        boolean star = false;
        for (int i = 0; i < args.size(); i++) {
            ArgSpec a = args.get(i);
            boolean kw = raw.getPointer(i).kwarg_only();
            String type = typeText(raw.getPointer(i));
            String def = a.defaultValue() == null ? null : defaultText(a.defaultValue());
            pubArgs.add(new OpArgument(a.name(), type, kindName(a.type()), def, kw));
            if (i > 0) text.append(", ");
            if (kw && !star) {
                text.append("*, ");
                star = true;
            }
            text.append(type).append(' ').append(a.name());
            if (def != null) text.append('=').append(def);
        }
        if (s.is_vararg()) text.append(args.isEmpty() ? "..." : ", ...");
        text.append(") -> ");
        Argument rawRets = s.returns();
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < rets.size(); i++) {
            String type = typeText(rawRets.getPointer(i));
            pubRets.add(new OpArgument(rets.get(i).name(), type, kindName(rets.get(i).type()), null, false));
            if (i > 0) r.append(", ");
            r.append(type);
            if (!rets.get(i).name().isEmpty()) r.append(' ').append(rets.get(i).name());
        }
        if (s.is_varret()) r.append(rets.isEmpty() ? "..." : ", ...");
        text.append(rets.size() == 1 && !s.is_varret() ? r : "(" + r + ")");
        OpSchema schema = new OpSchema(name, overload, text.toString(), pubArgs, pubRets);
        return new OpOverload(op, Symbol.fromQualString(name), schema, args, rets, s.is_varret());
    }

    private static List<ArgSpec> specs(Argument list) {
        if (list == null) return List.of();
        long n = list.limit();
        List<ArgSpec> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            Argument a = list.getPointer(i);
            Type.TypePtr real = a.real_type();
            Type t = real.get();
            boolean optional = false;
            if (kindOf(t).equals("OptionalType")) {
                optional = true;
                t = t.containedType(0).get();
            }
            int fixed = a.N().has_value() ? a.N().get() : -1;
            IValueOptional d = a.default_value();
            IValue def = d.has_value() ? new IValue(d.get()) : null; // copied: the optional is a temporary
            // a copy of the shared_ptr: a.type() is a view into the schema's argument list, which read as null
            // later under GC pressure (the studio-close stress test hit it while the catalog was being built)
            out.add(new ArgSpec(str(a.name()), classify(t), optional, fixed, def, new Type.TypePtr(a.type())));
        }
        return List.copyOf(out);
    }

    static String kindOf(Type t) {
        return torch.typeKindToString(t.kind().value);
    }

    private static String kindName(Type.TypePtr t) {
        return kindOf(t.get());
    }

    private static ArgKind classify(Type t) {
        switch (kindOf(t)) {
            case "TensorType": return ArgKind.TENSOR;
            case "IntType": case "SymIntType": return ArgKind.INT;
            case "FloatType": case "SymFloatType": return ArgKind.FLOAT;
            case "BoolType": case "SymBoolType": return ArgKind.BOOL;
            case "NumberType": return ArgKind.NUMBER;
            case "StringType": return ArgKind.STRING;
            case "ScalarTypeType": return ArgKind.SCALAR_TYPE;
            case "DeviceObjType": return ArgKind.DEVICE;
            case "LayoutType": return ArgKind.LAYOUT;
            case "MemoryFormatType": return ArgKind.MEMORY_FORMAT;
            case "GeneratorType": return ArgKind.GENERATOR;
            case "AnyType": return ArgKind.ANY;
            case "ListType": {
                Type e = t.containedType(0).get();
                switch (kindOf(e)) {
                    case "IntType": case "SymIntType": return ArgKind.INT_LIST;
                    case "FloatType": return ArgKind.FLOAT_LIST;
                    case "BoolType": return ArgKind.BOOL_LIST;
                    case "TensorType": return ArgKind.TENSOR_LIST;
                    case "OptionalType":
                        return kindOf(e.containedType(0).get()).equals("TensorType") ? ArgKind.OPT_TENSOR_LIST : ArgKind.OTHER;
                    default: return ArgKind.OTHER;
                }
            }
            default: return ArgKind.OTHER;
        }
    }

    private static String typeText(Argument a) {
        String t = str(a.real_type().get().str());
        if (a.N().has_value() && t.endsWith("[]")) t = t.substring(0, t.length() - 2) + "[" + a.N().get() + "]";
        return t;
    }

    static String defaultText(IValue v) {
        if (v.isNone()) return "None";
        if (v.isBool()) return v.toBool() ? "True" : "False";
        if (v.isInt()) return Long.toString(v.toInt());
        if (v.isDouble()) return Double.toString(v.toDouble());
        if (v.isString()) return "\"" + JavaValues.string(v) + "\"";
        if (v.isIntList()) {
            org.bytedeco.pytorch.LongVector l = v.toIntVector();
            StringBuilder b = new StringBuilder("[");
            for (long i = 0; i < l.size(); i++) b.append(i == 0 ? "" : ", ").append(l.get(i));
            return b.append(']').toString();
        }
        if (v.isDoubleList()) {
            org.bytedeco.pytorch.DoubleVector l = v.toDoubleVector();
            StringBuilder b = new StringBuilder("[");
            for (long i = 0; i < l.size(); i++) b.append(i == 0 ? "" : ", ").append(l.get(i));
            return b.append(']').toString();
        }
        if (v.isList()) return v.toList().size() == 0 ? "[]" : "[...]";
        return "?";
    }
}
