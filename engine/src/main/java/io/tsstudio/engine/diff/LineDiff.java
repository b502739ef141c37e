package io.tsstudio.engine.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line diff (Myers' O(ND) shortest edit script): what a per-class code comparison shows. No dependency of the build
 * offers one, and printed TorchScript classes are short enough for the simple variant that keeps every round's
 * frontier.
 */
public final class LineDiff {
    public enum Op { SAME, REMOVED, ADDED }

    /**
     * One line of the result.
     *
     * @param oldLine 1-based line in the old text, 0 for an added line
     * @param newLine 1-based line in the new text, 0 for a removed line
     */
    public record Line(Op op, String text, int oldLine, int newLine) {
    }

    private LineDiff() {
    }

    /** Lines of {@code text}, without their terminators; an empty text has none. */
    public static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    public static List<Line> diff(String oldText, String newText) {
        return diff(lines(oldText), lines(newText));
    }

    /** The shortest edit script turning {@code a} into {@code b}, removals before additions at each change. */
    public static List<Line> diff(List<String> a, List<String> b) {
        int n = a.size(), m = b.size(), max = n + m, offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        List<Line> out = new ArrayList<>();
        int x = n, y = m;
        for (int d = found; d > 0; d--) {
            int[] pv = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = pv[offset + prevK], prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                out.add(new Line(Op.SAME, a.get(x - 1), x, y));
                x--;
                y--;
            }
            if (x == prevX) out.add(new Line(Op.ADDED, b.get(y - 1), 0, y));
            else out.add(new Line(Op.REMOVED, a.get(x - 1), x, 0));
            x = prevX;
            y = prevY;
        }
        while (x > 0 && y > 0) {
            out.add(new Line(Op.SAME, a.get(x - 1), x, y));
            x--;
            y--;
        }
        Collections.reverse(out);
        return out;
    }

    /** True when the script changes anything. */
    public static boolean changes(List<Line> lines) {
        for (Line l : lines) if (l.op() != Op.SAME) return true;
        return false;
    }
}
