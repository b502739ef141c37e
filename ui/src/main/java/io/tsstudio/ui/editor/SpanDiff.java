package io.tsstudio.ui.editor;

import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The part of the text whose styles changed between two stylings: the common prefix and suffix (measured in
 * characters, compared style by style) need no repainting. Restyling only the middle keeps a keystroke in a long
 * file from re-creating every paragraph.
 */
public final class SpanDiff {
    /** {@code [from, to)} in the new text; empty when {@code from == to}. */
    public record Range(int from, int to) {
        public boolean isEmpty() {
            return from >= to;
        }
    }

    private SpanDiff() {
    }

    /**
     * The range to repaint in the new text, given the styling applied before and the text edits made since:
     * {@code editFrom} is where the first edit starts and {@code editEndFromEnd} how far the last edit ends from the
     * end of the new text. Outside the edits both stylings line up character by character, so only there may equal
     * styles be skipped; the edited text itself is always repainted.
     */
    public static Range changed(StyleSpans<Collection<String>> before, StyleSpans<Collection<String>> after, int editFrom, int editEndFromEnd) {
        Range r = changed(before, after);
        int len = after.length();
        int from = Math.min(r.from(), Math.max(0, editFrom));
        int to = Math.max(r.to(), len - Math.max(0, editEndFromEnd));
        return new Range(Math.min(from, len), Math.min(Math.max(to, from), len));
    }

    /** For two stylings of the same text: the range where they differ. */
    public static Range changed(StyleSpans<Collection<String>> before, StyleSpans<Collection<String>> after) {
        List<StyleSpan<Collection<String>>> a = list(before);
        List<StyleSpan<Collection<String>>> b = list(after);
        int lenA = before.length();
        int lenB = after.length();
        int prefix = commonPrefix(a, b);
        int suffix = commonSuffix(a, b);
        int max = Math.min(lenA, lenB);
        if (prefix + suffix > max) suffix = max - prefix;
        return new Range(prefix, lenB - suffix);
    }

    private static List<StyleSpan<Collection<String>>> list(StyleSpans<Collection<String>> spans) {
        List<StyleSpan<Collection<String>>> out = new ArrayList<>(spans.getSpanCount());
        for (StyleSpan<Collection<String>> s : spans) out.add(s);
        return out;
    }

    private static int commonPrefix(List<StyleSpan<Collection<String>>> a, List<StyleSpan<Collection<String>>> b) {
        int pos = 0;
        int i = 0;
        int j = 0;
        int leftA = i < a.size() ? a.get(0).getLength() : 0;
        int leftB = j < b.size() ? b.get(0).getLength() : 0;
        while (i < a.size() && j < b.size()) {
            if (!a.get(i).getStyle().equals(b.get(j).getStyle())) return pos;
            int step = Math.min(leftA, leftB);
            pos += step;
            leftA -= step;
            leftB -= step;
            if (leftA == 0 && ++i < a.size()) leftA = a.get(i).getLength();
            if (leftB == 0 && ++j < b.size()) leftB = b.get(j).getLength();
        }
        return pos;
    }

    private static int commonSuffix(List<StyleSpan<Collection<String>>> a, List<StyleSpan<Collection<String>>> b) {
        int pos = 0;
        int i = a.size() - 1;
        int j = b.size() - 1;
        int leftA = i >= 0 ? a.get(i).getLength() : 0;
        int leftB = j >= 0 ? b.get(j).getLength() : 0;
        while (i >= 0 && j >= 0) {
            if (!a.get(i).getStyle().equals(b.get(j).getStyle())) return pos;
            int step = Math.min(leftA, leftB);
            pos += step;
            leftA -= step;
            leftB -= step;
            if (leftA == 0 && --i >= 0) leftA = a.get(i).getLength();
            if (leftB == 0 && --j >= 0) leftB = b.get(j).getLength();
        }
        return pos;
    }
}
