package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.JitObject;
import io.tsstudio.engine.JitTuple;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.ValueConversionException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.pytorch.GenericDict;
import org.bytedeco.pytorch.GenericDictEntryRef;
import org.bytedeco.pytorch.GenericDictIterator;
import org.bytedeco.pytorch.GenericList;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.Tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java values to and from TorchScript {@code IValue}s. Every method must run inside the caller's PointerScope: the
 * IValues made here belong to that scope, while Tensors, objects and modules handed to Java are owned (retained).
 */
public final class IValues {
    private IValues() {
    }

    // ---------------------------------------------------------------- Java -> TorchScript

    /** Converts {@code v} to the declared type {@code t}; {@link TsType#ANY} infers the type from the Java value. */
    static IValue toIValue(Object v, TsType t, Where w) {
        switch (t.kind()) {
            case ANY:
            case OTHER:
                return toIValue(v, infer(v, w), w);
            case OPTIONAL:
                return v == null ? new IValue() : toIValue(v, t.element(0), w);
            case NONE:
                if (v == null) return new IValue();
                break;
            case TENSOR:
                if (v instanceof Tensor tensor) return tensorArgument(tensor, w);
                break;
            case INT:
                if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) return new IValue(((Number) v).longValue());
                break;
            case FLOAT:
                if (v instanceof Double || v instanceof Float || v instanceof Long || v instanceof Integer) return new IValue(((Number) v).doubleValue());
                break;
            case NUMBER:
                if (v instanceof Long || v instanceof Integer) return new IValue(((Number) v).longValue());
                if (v instanceof Double || v instanceof Float) return new IValue(((Number) v).doubleValue());
                break;
            case BOOL:
                if (v instanceof Boolean b) return new IValue(b.booleanValue());
                break;
            case STR:
                if (v instanceof String s) return string(s);
                break;
            case DEVICE:
                if (v instanceof Device || v instanceof String) return new IValue(new org.bytedeco.pytorch.Device(v.toString()));
                break;
            case LIST: {
                List<?> items = asList(v);
                if (items != null) return list(items, t.element(0), w);
                break;
            }
            case TUPLE:
                if (v instanceof JitTuple jt) return tuple(byFieldNames(jt, t, w), t, w);
                if (v instanceof List<?> l) return tuple(l, t, w);
                break;
            case DICT:
                if (v instanceof Map<?, ?> m) return dict(m, t.element(0), t.element(1), w);
                break;
            case CLASS:
                if (v instanceof JitObject o) return new IValue(Handles.of(o).ivalue());
                if (v instanceof ScriptModule m) {
                    try (NativeLifetime.Use use = Handles.of(m).use()) {
                        return new IValue(Handles.of(m).get()._ivalue());
                    }
                }
                break;
            case UNION:
                for (TsType option : t.contained()) {
                    try {
                        return toIValue(v, option, w);
                    } catch (ValueConversionException ignored) {
                        // try the next member of the union
                    }
                }
                break;
            default:
                break;
        }
        throw mismatch(w, t.text(), v);
    }

    /**
     * Results of inference-mode calls are inference tensors; autograd refuses to save those for backward, so a call
     * in grad mode (a training module) gets a normal copy of them.
     */
    private static IValue tensorArgument(Tensor tensor, Where w) {
        if (tensor.isClosed()) throw new ValueConversionException(w.describe() + ": the Tensor given is closed");
        org.bytedeco.pytorch.Tensor t = Handles.of(tensor).share();
        if (w.gradMode() && t.is_inference()) return new IValue(t.clone());
        return new IValue(t);
    }

    static ValueConversionException mismatch(Where w, String expected, Object given) {
        return new ValueConversionException(w.describe() + ": expected " + expected + ", got " + describe(given));
    }

    static IValue string(String s) {
        return new IValue(new BytePointer(s, StandardCharsets.UTF_8));
    }

    private static IValue list(List<?> items, TsType elementType, Where w) {
        if (elementType.kind() == TsType.Kind.ANY) {
            if (items.isEmpty()) throw new ValueConversionException(w.describe() + ": cannot tell the element type of an empty list; declare it (e.g. List[int])");
            elementType = infer(items, w).element(0);
        }
        GenericList gl = new GenericList(elementType.nativePtr());
        for (int i = 0; i < items.size(); i++) gl.push_back(toIValue(items.get(i), elementType, w.index(i)));
        return new IValue(gl);
    }

    /** A JitTuple with names fills a NamedTuple by name, in any order (JSON objects); unknown or missing names are errors. */
    private static List<?> byFieldNames(JitTuple jt, TsType t, Where w) {
        if (!jt.isNamed() || !t.isNamedTuple() || jt.names().equals(t.names())) return jt.values();
        for (String name : jt.names()) {
            if (!t.names().contains(name)) {
                throw new ValueConversionException(w.describe() + ": " + t.text() + " has no field '" + name + "' (fields: " + String.join(", ", t.names()) + ")");
            }
        }
        List<Object> ordered = new ArrayList<>();
        for (String name : t.names()) {
            int i = jt.names().indexOf(name);
            if (i < 0) throw new ValueConversionException(w.describe() + ": field '" + name + "' of " + t.text() + " is missing");
            ordered.add(jt.values().get(i));
        }
        return ordered;
    }

    private static IValue tuple(List<?> items, TsType t, Where w) {
        List<TsType> types = t.contained();
        if (!types.isEmpty() && types.size() != items.size()) {
            throw new ValueConversionException(w.describe() + ": expected " + t.text() + " with " + types.size() + " elements, got a tuple of " + items.size());
        }
        IValue[] elements = new IValue[items.size()];
        for (int i = 0; i < elements.length; i++) {
            Where at = t.isNamedTuple() ? w.field(t.names().get(i)) : w.index(i);
            elements[i] = toIValue(items.get(i), types.isEmpty() ? TsType.ANY : types.get(i), at);
        }
        IValueVector vec = new IValueVector(elements);
        return new IValue(t.isNamedTuple() ? Tuple.createNamed(vec, t.nativePtr()) : Tuple.create(vec));
    }

    private static IValue dict(Map<?, ?> m, TsType keyType, TsType valueType, Where w) {
        if (keyType.kind() == TsType.Kind.ANY || valueType.kind() == TsType.Kind.ANY) {
            if (m.isEmpty()) throw new ValueConversionException(w.describe() + ": cannot tell the key and value types of an empty map; declare them (e.g. Dict[str, Tensor])");
            TsType inferred = infer(m, w);
            if (keyType.kind() == TsType.Kind.ANY) keyType = inferred.element(0);
            if (valueType.kind() == TsType.Kind.ANY) valueType = inferred.element(1);
        }
        if (keyType.kind() != TsType.Kind.STR && keyType.kind() != TsType.Kind.INT) {
            throw new ValueConversionException(w.describe() + ": dict keys of type " + keyType.text() + " are not supported (str and int are)");
        }
        GenericList keys = new GenericList(keyType.nativePtr());
        GenericList values = new GenericList(valueType.nativePtr());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            keys.push_back(toIValue(e.getKey(), keyType, w.key(e.getKey())));
            values.push_back(toIValue(e.getValue(), valueType, w.key(e.getKey())));
        }
        return DictBuilder.build(keyType, valueType, keys, values);
    }

    /** Boxes Java primitive arrays so they convert like lists. */
    static List<?> asList(Object v) {
        if (v instanceof List<?> l) return l;
        if (v instanceof long[] a) return Arrays.stream(a).boxed().toList();
        if (v instanceof int[] a) return Arrays.stream(a).boxed().toList();
        if (v instanceof double[] a) return Arrays.stream(a).boxed().toList();
        if (v instanceof float[] a) {
            List<Double> out = new ArrayList<>(a.length);
            for (float f : a) out.add((double) f);
            return out;
        }
        if (v instanceof boolean[] a) {
            List<Boolean> out = new ArrayList<>(a.length);
            for (boolean b : a) out.add(b);
            return out;
        }
        if (v instanceof Object[] a) return Arrays.asList(a);
        return null;
    }

    /** The TorchScript type a Java value maps to when nothing is declared. */
    static TsType infer(Object v, Where w) {
        if (v == null) return TsType.inferred(TsType.Kind.NONE, "NoneType", List.of());
        if (v instanceof Tensor) return TsType.inferred(TsType.Kind.TENSOR, "Tensor", List.of());
        if (v instanceof Boolean) return TsType.inferred(TsType.Kind.BOOL, "bool", List.of());
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) return TsType.inferred(TsType.Kind.INT, "int", List.of());
        if (v instanceof Double || v instanceof Float) return TsType.inferred(TsType.Kind.FLOAT, "float", List.of());
        if (v instanceof String) return TsType.inferred(TsType.Kind.STR, "str", List.of());
        if (v instanceof Device) return TsType.inferred(TsType.Kind.DEVICE, "Device", List.of());
        if (v instanceof JitObject o) return TsType.inferred(TsType.Kind.CLASS, o.className(), List.of());
        if (v instanceof JitTuple t) {
            List<TsType> parts = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) parts.add(infer(t.get(i), w.index(i)));
            return TsType.inferred(TsType.Kind.TUPLE, "Tuple[" + join(parts) + "]", parts);
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) throw new ValueConversionException(w.describe() + ": cannot tell the key and value types of an empty map; declare them");
            Map.Entry<?, ?> first = m.entrySet().iterator().next();
            TsType k = infer(first.getKey(), w);
            TsType val = common(m.values(), w);
            return TsType.inferred(TsType.Kind.DICT, "Dict[" + k.text() + ", " + val.text() + "]", List.of(k, val));
        }
        List<?> items = asList(v);
        if (items != null) {
            if (items.isEmpty()) throw new ValueConversionException(w.describe() + ": cannot tell the element type of an empty list; declare it (e.g. List[int])");
            TsType e = common(items, w);
            return TsType.inferred(TsType.Kind.LIST, "List[" + e.text() + "]", List.of(e));
        }
        throw new ValueConversionException(w.describe() + ": " + describe(v) + " has no TorchScript equivalent");
    }

    private static TsType common(Iterable<?> values, Where w) {
        TsType seen = null;
        int i = 0;
        for (Object o : values) {
            TsType t = infer(o, w.index(i++));
            if (seen == null) seen = t;
            else if (!seen.text().equals(t.text())) {
                throw new ValueConversionException(w.describe() + ": elements of different types (" + seen.text() + " and " + t.text() + ") need a declared type");
            }
        }
        return seen;
    }

    private static String join(List<TsType> types) {
        StringBuilder b = new StringBuilder();
        for (TsType t : types) b.append(b.length() == 0 ? "" : ", ").append(t.text());
        return b.toString();
    }

    /** A short description of a Java value for error messages: {@code String "x"}, {@code Long 3}. */
    public static String describe(Object v) {
        if (v == null) return "None (null)";
        if (v instanceof String s) return "String \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        if (v instanceof Number || v instanceof Boolean) return v.getClass().getSimpleName() + " " + v;
        if (v instanceof Tensor t) return t.isClosed() ? "a closed Tensor" : "Tensor of shape " + Arrays.toString(t.shape()) + " (" + t.dtype() + ")";
        if (v instanceof List<?> l) return "List of " + l.size() + " element" + (l.size() == 1 ? "" : "s");
        if (v instanceof Map<?, ?> m) return "Map of " + m.size() + " entr" + (m.size() == 1 ? "y" : "ies");
        if (v instanceof JitTuple t) return (t.isNamed() ? "named tuple of " : "tuple of ") + t.size();
        if (v instanceof JitObject o) return "object of class " + o.className();
        if (v.getClass().isArray()) return v.getClass().getComponentType().getSimpleName() + "[] of " + java.lang.reflect.Array.getLength(v);
        return v.getClass().getSimpleName();
    }

    // ---------------------------------------------------------------- TorchScript -> Java

    /**
     * Converts a result to Java. The declared type only adds what an IValue cannot tell here (NamedTuple field names);
     * tensors come back as owned {@link Tensor}s.
     */
    static Object fromIValue(IValue v, TsType declared, Where w) {
        if (v.isTensor()) return Handles.wrap(NativeTensor.own(v.toTensor()));
        if (v.isNone()) return null;
        if (v.isBool()) return v.toBool();
        if (v.isInt()) return v.toInt();
        if (v.isDouble()) return v.toDouble();
        if (v.isString()) return Text.of(v.toStringRef());
        if (v.isTuple()) {
            IValueVector els = v.toTuple().elements().vec();
            TsType t = unwrapOptional(declared);
            boolean typed = t.kind() == TsType.Kind.TUPLE && t.contained().size() == els.size();
            List<Object> out = new ArrayList<>((int) els.size());
            for (int i = 0; i < els.size(); i++) out.add(fromIValue(els.get(i), typed ? t.element(i) : TsType.ANY, w.index(i)));
            return new JitTuple(out, typed && t.isNamedTuple() ? t.names() : List.of());
        }
        if (v.isList()) {
            IValueVector els = v.toList().vec();
            TsType t = unwrapOptional(declared);
            TsType et = t.kind() == TsType.Kind.LIST ? t.element(0) : TsType.ANY;
            List<Object> out = new ArrayList<>((int) els.size());
            for (int i = 0; i < els.size(); i++) out.add(fromIValue(els.get(i), et, w.index(i)));
            return out;
        }
        if (v.isGenericDict()) {
            GenericDict d = v.toGenericDict();
            TsType t = unwrapOptional(declared);
            TsType vt = t.kind() == TsType.Kind.DICT ? t.element(1) : TsType.ANY;
            Map<Object, Object> out = new LinkedHashMap<>();
            long n = d.size();
            GenericDictIterator it = d.begin();
            for (long i = 0; i < n; i++) {
                GenericDictEntryRef e = it.multiply();
                Object key = fromIValue(e.key(), TsType.ANY, w);
                out.put(key, fromIValue(e.value(), vt, w.key(key)));
                it.increment();
            }
            return out;
        }
        if (v.isModule()) return Handles.wrap(NativeModule.own(new JitModule(v.toObject())));
        if (v.isObject()) return Handles.wrap(NativeObject.own(v));
        if (v.isDevice()) return Device.parse(v.toDevice().str().getString());
        throw new ValueConversionException(w.describe() + ": a TorchScript " + v.tagKind().getString() + " has no Java form here");
    }

    private static TsType unwrapOptional(TsType t) {
        return t.kind() == TsType.Kind.OPTIONAL ? t.element(0) : t;
    }

    /**
     * A plain-data view of a value for inspection (attributes, defaults): scalars, strings and containers of them;
     * null where tensors or objects are involved (nothing to close).
     */
    static Object plainValue(IValue v) {
        if (v.isNone()) return null;
        if (v.isBool()) return v.toBool();
        if (v.isInt()) return v.toInt();
        if (v.isDouble()) return v.toDouble();
        if (v.isString()) return Text.of(v.toStringRef());
        if (v.isList() || v.isTuple()) {
            IValueVector els = v.isList() ? v.toList().vec() : v.toTuple().elements().vec();
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < els.size(); i++) {
                IValue e = els.get(i);
                if (!e.isNone() && plainValue(e) == null) return null;
                out.add(plainValue(e));
            }
            return v.isTuple() ? new JitTuple(out, List.of()) : out;
        }
        return null;
    }

    /** Python-style source text of a default value, e.g. {@code None}, {@code True}, {@code [1, 2]}. */
    static String repr(IValue v) {
        return repr(plainValue(v), v);
    }

    private static String repr(Object o, IValue original) {
        if (o == null) return original != null && !original.isNone() ? "<" + original.tagKind().getString() + ">" : "None";
        if (o instanceof Boolean b) return b ? "True" : "False";
        if (o instanceof String s) return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        if (o instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (Object e : l) b.append(b.length() == 1 ? "" : ", ").append(repr(e, null));
            return b.append(']').toString();
        }
        if (o instanceof JitTuple t) {
            StringBuilder b = new StringBuilder("(");
            for (Object e : t.values()) b.append(b.length() == 1 ? "" : ", ").append(repr(e, null));
            return b.append(t.size() == 1 ? ",)" : ")").toString();
        }
        return o.toString();
    }
}
