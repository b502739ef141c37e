package io.tsstudio.engine.diff;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineDiffTest {
    private static String ops(List<LineDiff.Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (LineDiff.Line l : lines) sb.append(switch (l.op()) { case SAME -> ' '; case ADDED -> '+'; case REMOVED -> '-'; }).append(l.text()).append('|');
        return sb.toString();
    }

    @Test
    void aChangedLineIsOneRemovalAndOneAdditionWithLineNumbersOnBothSides() {
        List<LineDiff.Line> d = LineDiff.diff("a\nb\nc\n", "a\nB\nc\n");
        assertEquals(" a|-b|+B| c|", ops(d));
        assertEquals(new LineDiff.Line(LineDiff.Op.REMOVED, "b", 2, 0), d.get(1));
        assertEquals(new LineDiff.Line(LineDiff.Op.ADDED, "B", 0, 2), d.get(2));
        assertEquals(new LineDiff.Line(LineDiff.Op.SAME, "c", 3, 3), d.get(3));
        assertTrue(LineDiff.changes(d));
    }

    @Test
    void equalTextsAndEmptySides() {
        assertFalse(LineDiff.changes(LineDiff.diff("x\ny", "x\ny\n")));
        assertEquals("", ops(LineDiff.diff("", "")));
        assertEquals("+p|+q|", ops(LineDiff.diff("", "p\nq")));
        assertEquals("-p|", ops(LineDiff.diff("p", "")));
    }

    @Test
    void theScriptIsShortestAndRebuildsBothTexts() {
        Random r = new Random(3);
        for (int round = 0; round < 300; round++) {
            List<String> a = random(r), b = random(r);
            List<LineDiff.Line> d = LineDiff.diff(a, b);
            List<String> old = new ArrayList<>(), now = new ArrayList<>();
            int same = 0;
            for (LineDiff.Line l : d) {
                if (l.op() != LineDiff.Op.ADDED) old.add(l.text());
                if (l.op() != LineDiff.Op.REMOVED) now.add(l.text());
                if (l.op() == LineDiff.Op.SAME) same++;
            }
            assertEquals(a, old);
            assertEquals(b, now);
            assertEquals(lcs(a, b), same, "the edit script keeps a longest common subsequence");
        }
    }

    private static List<String> random(Random r) {
        List<String> out = new ArrayList<>();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) out.add(String.valueOf((char) ('a' + r.nextInt(4))));
        return out;
    }

    private static int lcs(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                t[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.size()][b.size()];
    }
}
