package io.tsstudio.engine.internal.torch;

import org.bytedeco.pytorch.TupleType;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.TypeVector;
import org.bytedeco.pytorch.StringViewVector;
import org.bytedeco.pytorch.StringViewVectorOptional;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

/**
 * A TorchScript type read once from LibTorch into plain Java, so that converting call arguments needs no native type
 * queries. Holds a retained native {@code TypePtr} (when it came from LibTorch) for building typed containers; those
 * live as long as the cache that holds this object, which is as long as the module or compilation unit.
 */
public final class TsType {
    public enum Kind { TENSOR, INT, FLOAT, BOOL, STR, NONE, OPTIONAL, LIST, TUPLE, DICT, CLASS, ANY, NUMBER, DEVICE, UNION, OTHER }

    public static final TsType ANY = new TsType(Kind.ANY, "Any", List.of(), null, null);

    private final Kind kind;
    private final String text;
    private final List<TsType> contained;
    private final List<String> names; // NamedTuple field names, else null
    private final Type.TypePtr nativePtr; // null for inferred types; resolve through TypeParser

    TsType(Kind kind, String text, List<TsType> contained, List<String> names, Type.TypePtr nativePtr) {
        this.kind = kind;
        this.text = text;
        this.contained = contained;
        this.names = names;
        this.nativePtr = nativePtr;
    }

    public Kind kind() {
        return kind;
    }

    /** The annotation text, e.g. {@code List[int]}. */
    public String text() {
        return text;
    }

    public List<TsType> contained() {
        return contained;
    }

    public TsType element(int i) {
        return i < contained.size() ? contained.get(i) : ANY;
    }

    public List<String> names() {
        return names;
    }

    public boolean isNamedTuple() {
        return kind == Kind.TUPLE && names != null;
    }

    /** The native type; parsed from the annotation text when this type was inferred in Java. */
    Type.TypePtr nativePtr() {
        return nativePtr != null ? nativePtr : TypeParser.parse(text);
    }

    static TsType inferred(Kind kind, String text, List<TsType> contained) {
        return new TsType(kind, text, contained, null, null);
    }

    /** Reads a native type. Call inside a PointerScope; the result retains what it keeps. */
    static TsType of(Type.TypePtr ptr) {
        return of(ptr, true);
    }

    /** {@code keep}: retain the native type for building values later (caches); false for one-off descriptions. */
    static TsType of(Type.TypePtr ptr, boolean keep) {
        Type t = ptr.get();
        torch.TypeKind k = t.kind().intern();
        String text = t.annotation_str().getString();
        Type.TypePtr kept = null;
        if (keep) {
            kept = new Type.TypePtr(ptr);
            kept.retainReference();
        }
        List<TsType> contained = new ArrayList<>();
        List<String> names = null;
        long n = t.containedTypeSize();
        if (n > 0) {
            TypeVector tv = t.containedTypes().vec();
            for (long i = 0; i < tv.size(); i++) contained.add(of(tv.get(i), keep));
        }
        Kind kind;
        switch (k) {
            case TensorType: kind = Kind.TENSOR; break;
            case IntType: case SymIntType: kind = Kind.INT; break;
            case FloatType: case SymFloatType: kind = Kind.FLOAT; break;
            case BoolType: case SymBoolType: kind = Kind.BOOL; break;
            case StringType: kind = Kind.STR; break;
            case NoneType: kind = Kind.NONE; break;
            case OptionalType: kind = Kind.OPTIONAL; break;
            case ListType: kind = Kind.LIST; break;
            case TupleType: {
                kind = Kind.TUPLE;
                TupleType tt = new TupleType(t); // same object, viewed as a TupleType
                StringViewVectorOptional on = tt.names();
                if (on.has_value()) {
                    StringViewVector sv = on.get();
                    names = new ArrayList<>();
                    for (long i = 0; i < sv.size(); i++) names.add(sv.get(i).getString());
                }
                break;
            }
            case DictType: kind = Kind.DICT; break;
            case ClassType: kind = Kind.CLASS; break;
            case AnyType: kind = Kind.ANY; break;
            case NumberType: kind = Kind.NUMBER; break;
            case DeviceObjType: kind = Kind.DEVICE; break;
            case UnionType: kind = Kind.UNION; break;
            default: kind = Kind.OTHER;
        }
        return new TsType(kind, text, List.copyOf(contained), names == null ? null : List.copyOf(names), kept);
    }

    @Override
    public String toString() {
        return text;
    }
}
