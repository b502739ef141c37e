package io.tsstudio.engine.internal.files;

import io.tsstudio.engine.DType;
import io.tsstudio.engine.TensorInfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of a pickle reader to list the tensors in a {@code torch.save} archive's {@code data.pkl} (names,
 * shapes, dtypes) without LibTorch and without reading tensor data. Nothing is executed: globals are recorded by
 * name and only PyTorch's tensor rebuild functions and OrderedDict are understood.
 */
public final class TorchPickle {
    private static final int MAX_OPS = 5_000_000;

    record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    record Tuple(List<Object> items) {
    }

    record Persistent(Object id) {
    }

    /** An object made by REDUCE/NEWOBJ; {@code state} receives what BUILD gives it (a TorchScript module's attributes). */
    record Reduced(Object callable, Object args, Map<Object, Object> state) {
        Reduced(Object callable, Object args) {
            this(callable, args, new LinkedHashMap<>());
        }
    }

    record TensorStub(List<Long> shape, DType dtype) {
    }

    /** What the pickle holds: its top-level kind and its tensors with dotted names. */
    public record Contents(String kind, List<TensorInfo> tensors) {
    }

    /**
     * A tensor storage the pickle refers to (a persistent id {@code ('storage', torch.FloatStorage, key, location,
     * elements)}): its entry name under the pickle's tensor folder, the storage class name and its element count.
     */
    public record StorageRef(String key, String type, long elements) {
    }

    private final ByteBuffer in;
    private final List<Persistent> persistents = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final List<Object> stackList = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private TorchPickle(byte[] data) {
        this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A TorchScript module object from {@code data.pkl}: its class, attributes (in order), tensors as stubs. */
    public record ModuleObject(String className, Map<String, Object> attributes) {
    }

    /** A tensor in a TorchScript {@code data.pkl}: shape and dtype only. */
    public record TensorShape(List<Long> shape, DType dtype) {
    }

    /**
     * Reads a TorchScript archive's {@code data.pkl} as its module tree: {@code __torch__} objects become
     * {@link ModuleObject}s, tensors {@link TensorShape}s, plain values stay Java values (Long, Double, String, ...).
     */
    public static ModuleObject readModule(byte[] data) {
        Object root = new TorchPickle(data).run();
        Object m = moduleValue(root, 0);
        if (!(m instanceof ModuleObject mo)) throw new IllegalArgumentException("data.pkl does not hold a TorchScript module object");
        return mo;
    }

    private static Object moduleValue(Object o, int depth) {
        if (depth > 64) return null;
        if (o instanceof TensorStub t) return new TensorShape(t.shape(), t.dtype());
        if (o instanceof Reduced r && r.callable() instanceof Global g && g.module().startsWith("__torch__")) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : r.state().entrySet()) attrs.put(String.valueOf(e.getKey()), moduleValue(e.getValue(), depth + 1));
            return new ModuleObject(g.qualified(), attrs);
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) out.add(moduleValue(x, depth + 1));
            return out;
        }
        if (o instanceof Tuple t) {
            List<Object> out = new ArrayList<>();
            for (Object x : t.items()) out.add(moduleValue(x, depth + 1));
            return out;
        }
        if (o instanceof Reduced || o instanceof Global || o instanceof Persistent) return null;
        return o;
    }

    /** Reads {@code data.pkl}; throws IllegalArgumentException when it is not a pickle this reader understands. */
    public static Contents read(byte[] data) {
        Object root = new TorchPickle(data).run();
        List<TensorInfo> tensors = new ArrayList<>();
        collect("", root, tensors, 0);
        String kind;
        if (root instanceof Map<?, ?> m) kind = (root instanceof Ordered ? "OrderedDict" : "dict") + " of " + m.size() + " entr" + (m.size() == 1 ? "y" : "ies");
        else if (root instanceof TensorStub) kind = "a single tensor";
        else if (root instanceof List<?> l) kind = "list of " + l.size();
        else if (root instanceof Tuple t) kind = "tuple of " + t.items().size();
        else if (root instanceof Reduced r && r.callable() instanceof Global g) kind = "object " + g.qualified();
        else kind = root == null ? "None" : root.getClass().getSimpleName();
        return new Contents(kind, tensors);
    }

    /**
     * The tensor storages {@code data} refers to, in order. Throws IllegalArgumentException when it is not a pickle
     * this reader understands (an archive LibTorch would unpickle differently is not checked, it is refused).
     */
    public static List<StorageRef> storages(byte[] data) {
        TorchPickle p = new TorchPickle(data);
        p.runChecked();
        List<StorageRef> out = new ArrayList<>();
        for (Persistent id : p.persistents) {
            if (!(id.id() instanceof Tuple t) || t.items().size() < 5 || !"storage".equals(t.items().get(0))) continue;
            List<Object> f = t.items();
            String type = f.get(1) instanceof Global g ? g.name() : String.valueOf(f.get(1));
            if (!(f.get(2) instanceof String key) || !(f.get(4) instanceof Long n)) {
                throw new IllegalArgumentException("malformed storage reference " + f);
            }
            out.add(new StorageRef(key, type, n));
        }
        return out;
    }

    /** The unpickled value as this reader's own objects ({@link Tuple}, {@link Reduced}, List, Long, String...). */
    static Object parse(byte[] data) {
        return new TorchPickle(data).runChecked();
    }

    /** {@link #run} with running out of bytes or a wrong value type reported as IllegalArgumentException. */
    private Object runChecked() {
        try {
            return run();
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("pickle ends early at byte " + in.position());
        } catch (ClassCastException | NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("malformed pickle near byte " + in.position() + ": " + e.getMessage());
        }
    }

    private static final class Ordered extends LinkedHashMap<Object, Object> {
    }

    private static void collect(String prefix, Object o, List<TensorInfo> out, int depth) {
        if (depth > 32) return;
        if (o instanceof TensorStub t) {
            out.add(new TensorInfo(prefix, t.shape(), t.dtype()));
        } else if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) collect(join(prefix, String.valueOf(e.getKey())), e.getValue(), out, depth + 1);
        } else if (o instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) collect(join(prefix, Integer.toString(i)), l.get(i), out, depth + 1);
        } else if (o instanceof Tuple t) {
            for (int i = 0; i < t.items().size(); i++) collect(join(prefix, Integer.toString(i)), t.items().get(i), out, depth + 1);
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private void push(Object o) {
        stackList.add(o);
    }

    private Object pop() {
        if (stackList.isEmpty()) throw new IllegalArgumentException("pickle stack underflow at byte " + in.position());
        return stackList.remove(stackList.size() - 1);
    }

    private Object peek() {
        if (stackList.isEmpty()) throw new IllegalArgumentException("pickle stack underflow at byte " + in.position());
        return stackList.get(stackList.size() - 1);
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) throw new IllegalArgumentException("pickle MARK missing at byte " + in.position());
        int at = marks.pop();
        if (at > stackList.size()) throw new IllegalArgumentException("bad pickle MARK at byte " + in.position());
        List<Object> items = new ArrayList<>(stackList.subList(at, stackList.size()));
        stackList.subList(at, stackList.size()).clear();
        return items;
    }

    private String line() {
        StringBuilder b = new StringBuilder();
        while (true) {
            byte c = in.get();
            if (c == '\n') return b.toString();
            b.append((char) (c & 0xff));
            if (b.length() > 4096) throw new IllegalArgumentException("pickle text line too long");
        }
    }

    private byte[] bytes(long n) {
        if (n < 0 || n > in.remaining()) throw new IllegalArgumentException("pickle length " + n + " runs past the end");
        byte[] b = new byte[(int) n];
        in.get(b);
        return b;
    }

    private Object run() {
        for (int ops = 0; ops < MAX_OPS; ops++) {
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80: in.get(); break;                       // PROTO
                case 0x95: in.getLong(); break;                   // FRAME
                case '.': return pop();                           // STOP
                case '(': marks.push(stackList.size()); break;    // MARK
                case ')': push(new Tuple(List.of())); break;
                case ']': push(new ArrayList<>()); break;
                case '}': push(new LinkedHashMap<>()); break;
                case 0x8f: push(new ArrayList<>()); break;        // EMPTY_SET
                case 't': push(new Tuple(popMark())); break;
                case 0x85: push(new Tuple(List.of(pop()))); break;
                case 0x86: { Object b = pop(), a = pop(); push(new Tuple(List.of(a, b))); break; }
                case 0x87: { Object c = pop(), b = pop(), a = pop(); push(new Tuple(List.of(a, b, c))); break; }
                case 'l': push(new ArrayList<>(popMark())); break;
                case 'd': { List<Object> kv = popMark(); Map<Object, Object> m = new LinkedHashMap<>(); for (int i = 0; i + 1 < kv.size(); i += 2) m.put(key(kv.get(i)), kv.get(i + 1)); push(m); break; }
                case 'X': push(new String(bytes(in.getInt() & 0xffffffffL), StandardCharsets.UTF_8)); break;
                case 0x8c: push(new String(bytes(in.get() & 0xff), StandardCharsets.UTF_8)); break;
                case 0x8d: push(new String(bytes(in.getLong()), StandardCharsets.UTF_8)); break;
                case 'T': push(new String(bytes(in.getInt()), StandardCharsets.ISO_8859_1)); break;
                case 'U': push(new String(bytes(in.get() & 0xff), StandardCharsets.ISO_8859_1)); break;
                case 'B': push(bytes(in.getInt() & 0xffffffffL)); break;
                case 'C': push(bytes(in.get() & 0xff)); break;
                case 0x8e: push(bytes(in.getLong())); break;      // BINBYTES8
                case 'J': push((long) in.getInt()); break;
                case 'K': push((long) (in.get() & 0xff)); break;
                case 'M': push((long) (in.getShort() & 0xffff)); break;
                case 0x8a: push(longN(in.get() & 0xff)); break;
                case 0x8b: push(longN(in.getInt() & 0xffffffffL)); break;
                case 'G': push(in.order(ByteOrder.BIG_ENDIAN).getDouble()); in.order(ByteOrder.LITTLE_ENDIAN); break;
                case 'I': { String s = line().trim(); push(s.equals("01") ? Boolean.TRUE : s.equals("00") ? Boolean.FALSE : Long.parseLong(s)); break; }
                case 'L': { String s = line().trim(); push(Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s)); break; }
                case 'F': push(Double.parseDouble(line().trim())); break;
                case 'V': push(line()); break;
                case 0x88: push(Boolean.TRUE); break;
                case 0x89: push(Boolean.FALSE); break;
                case 'N': push(null); break;
                case 'q': memo.put((long) (in.get() & 0xff), peek()); break;
                case 'r': memo.put(in.getInt() & 0xffffffffL, peek()); break;
                case 'p': memo.put(Long.parseLong(line().trim()), peek()); break;
                case 0x94: memo.put((long) memo.size(), peek()); break;
                case 'h': push(memoGet(in.get() & 0xff)); break;
                case 'j': push(memoGet(in.getInt() & 0xffffffffL)); break;
                case 'g': push(memoGet(Long.parseLong(line().trim()))); break;
                case '0': pop(); break;
                case '1': popMark(); break;
                case '2': push(peek()); break;
                case 'c': push(new Global(line(), line())); break;
                case 0x93: { Object name = pop(), module = pop(); push(new Global(String.valueOf(module), String.valueOf(name))); break; }
                case 's': { Object v = pop(), k = pop(); dictOf(peek()).put(key(k), v); break; }
                case 'u': { List<Object> kv = popMark(); Map<Object, Object> m = dictOf(peek()); for (int i = 0; i + 1 < kv.size(); i += 2) m.put(key(kv.get(i)), kv.get(i + 1)); break; }
                case 'a': { Object v = pop(); listOf(peek()).add(v); break; }
                case 'e': case 0x90: { List<Object> items = popMark(); Object target = peek(); if (target instanceof List<?>) listOf(target).addAll(items); break; }
                case 'R': { Object args = pop(), fn = pop(); push(reduce(fn, args)); break; }
                case 0x81: { Object args = pop(), cls = pop(); push(reduce(cls, args)); break; }
                case 0x92: { pop(); Object args = pop(), cls = pop(); push(reduce(cls, args)); break; } // NEWOBJ_EX
                case 'b': { Object state = pop(); if (peek() instanceof Reduced r && state instanceof Map<?, ?> m) r.state().putAll(m); break; } // BUILD
                case 'Q': push(persistent(pop())); break;        // BINPERSID
                case 'P': push(persistent(line())); break;
                default:
                    throw new IllegalArgumentException(String.format("unsupported pickle opcode 0x%02x at byte %d", op, in.position() - 1));
            }
        }
        throw new IllegalArgumentException("pickle too long");
    }

    private Persistent persistent(Object id) {
        Persistent p = new Persistent(id);
        persistents.add(p);
        return p;
    }

    private Object memoGet(long i) {
        if (!memo.containsKey(i)) throw new IllegalArgumentException("pickle memo " + i + " missing");
        return memo.get(i);
    }

    private static Object key(Object k) {
        return k instanceof Tuple t ? t.items().toString() : k;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOf(Object o) {
        if (o instanceof Map<?, ?> m) return (Map<Object, Object>) m;
        return new LinkedHashMap<>(); // a custom object's setitem: ignore
    }

    @SuppressWarnings("unchecked")
    private List<Object> listOf(Object o) {
        if (o instanceof List<?> l) return (List<Object>) l;
        return new ArrayList<>();
    }

    /** LONG1/LONG4: little-endian two's complement; values beyond 64 bits are clipped (only sizes matter here). */
    private long longN(long n) {
        byte[] b = bytes(n);
        long v = 0;
        for (int i = Math.min(b.length, 8) - 1; i >= 0; i--) v = (v << 8) | (b[i] & 0xff);
        if (b.length > 0 && b.length < 8 && (b[b.length - 1] & 0x80) != 0) v -= 1L << (8 * b.length);
        return v;
    }

    private Object reduce(Object fn, Object args) {
        List<Object> a = args instanceof Tuple t ? t.items() : List.of();
        if (fn instanceof Global g) {
            String q = g.qualified();
            if (q.equals("collections.OrderedDict")) return new Ordered();
            if ((q.equals("torch._utils._rebuild_tensor_v2") || q.equals("torch._utils._rebuild_tensor")) && a.size() >= 3) {
                return new TensorStub(longs(a.get(2)), storageType(a.get(0)));
            }
            if (q.startsWith("torch._utils._rebuild_parameter") && !a.isEmpty() && a.get(0) instanceof TensorStub t) return t;
        }
        return new Reduced(fn, args);
    }

    private static List<Long> longs(Object o) {
        List<Long> out = new ArrayList<>();
        List<?> items = o instanceof Tuple t ? t.items() : o instanceof List<?> l ? l : List.of();
        for (Object x : items) out.add(x instanceof Long l ? l : -1L);
        return out;
    }

    private static DType storageType(Object storage) {
        if (storage instanceof Persistent p && p.id() instanceof Tuple t && t.items().size() >= 2 && t.items().get(1) instanceof Global g) {
            switch (g.name()) {
                case "FloatStorage": return DType.FLOAT32;
                case "DoubleStorage": return DType.FLOAT64;
                case "HalfStorage": return DType.FLOAT16;
                case "BFloat16Storage": return DType.BFLOAT16;
                case "LongStorage": return DType.INT64;
                case "IntStorage": return DType.INT32;
                case "ShortStorage": return DType.INT16;
                case "CharStorage": return DType.INT8;
                case "ByteStorage": return DType.UINT8;
                case "BoolStorage": return DType.BOOL;
                case "ComplexFloatStorage": return DType.COMPLEX64;
                case "ComplexDoubleStorage": return DType.COMPLEX128;
                default: return null;
            }
        }
        return null;
    }
}
