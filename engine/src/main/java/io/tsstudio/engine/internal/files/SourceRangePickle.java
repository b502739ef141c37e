package io.tsstudio.engine.internal.files;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a {@code .debug_pkl} (LibTorch's {@code source_range_serialization.cpp}), checked completely: LibTorch
 * checks the file-name index but not the text indices, nor that a range lies inside its text.
 * <pre>
 * ("FORMAT_WITH_STRING_TABLE", (str, ...), ((offset, ((text indices), file index, line), start, end)[, handle]), ...))
 * or, older: ((offset, ((text, file, line), start, end)[, handle]), ...)
 * </pre>
 */
final class SourceRangePickle {
    static final String STRING_TABLE = "FORMAT_WITH_STRING_TABLE";

    private SourceRangePickle() {
    }

    /** True only when every record's source and range are what LibTorch can print without reading out of bounds. */
    static boolean isWellFormed(byte[] pickle) {
        Object root;
        try {
            root = TorchPickle.parse(pickle);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (!(root instanceof TorchPickle.Tuple top)) return false;
        List<Object> items = top.items();
        if (!items.isEmpty() && STRING_TABLE.equals(items.get(0))) {
            if (items.size() != 3 || !(items.get(1) instanceof TorchPickle.Tuple table) || !(items.get(2) instanceof TorchPickle.Tuple records)) return false;
            for (Object s : table.items()) if (!(s instanceof String)) return false;
            return recordsFit(records.items(), table.items());
        }
        return recordsFit(items, null);
    }

    /**
     * Every record's source is well-formed and its range starts inside the text. The end may be one past the text:
     * LibTorch itself writes {@code (0, 1)} over an empty source (235 such records in the fixtures, none further).
     */
    private static boolean recordsFit(List<Object> records, List<Object> table) {
        Map<Object, Long> lengths = new IdentityHashMap<>(); // records share their source tuple (pickle memo)
        for (Object r : records) {
            if (!(r instanceof TorchPickle.Tuple rec) || rec.items().size() < 2 || !(rec.items().get(0) instanceof Long)) return false;
            if (!(rec.items().get(1) instanceof TorchPickle.Tuple range) || range.items().size() != 3) return false;
            Object source = range.items().get(0);
            Long length = lengths.get(source);
            if (length == null) {
                length = sourceLength(source, table);
                lengths.put(source, length);
            }
            if (length < 0) return false;
            if (!(range.items().get(1) instanceof Long start) || !(range.items().get(2) instanceof Long end)) return false;
            if (start < 0 || start > end || start > length || end > length + 1) return false;
        }
        return true;
    }

    /** The byte length of a record's source text, or -1 when the source is malformed. */
    private static long sourceLength(Object source, List<Object> table) {
        if (!(source instanceof TorchPickle.Tuple t) || t.items().size() != 3 || !(t.items().get(2) instanceof Long)) return -1;
        Object text = t.items().get(0);
        Object file = t.items().get(1);
        if (table == null) {
            if (!(text instanceof String s) || !(file == null || file instanceof String)) return -1;
            return minUtf8Length(s);
        }
        if (!(file instanceof Long f) || f < 0 || f >= table.size()) return -1;
        List<?> indices = intList(text);
        if (indices == null) return -1;
        long length = 0;
        for (Object i : indices) {
            if (!(i instanceof Long k) || k < 0 || k >= table.size()) return -1;
            length += minUtf8Length((String) table.get(k.intValue()));
        }
        return length;
    }

    /** {@code build_intlist([...])} as the pickler writes an int list, or a plain list. */
    private static List<?> intList(Object o) {
        if (o instanceof List<?> l) return l;
        if (o instanceof TorchPickle.Reduced r && r.callable() instanceof TorchPickle.Global g && g.name().equals("build_intlist")
                && r.args() instanceof TorchPickle.Tuple a && a.items().size() == 1 && a.items().get(0) instanceof List<?> l) {
            return l;
        }
        return null;
    }

    /**
     * The fewest UTF-8 bytes the text can have stood for: a U+FFFD from a byte that did not decode counts as one byte,
     * so a range that fits this length fits the bytes LibTorch holds.
     */
    static long minUtf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 || c == '\uFFFD') n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }
}
