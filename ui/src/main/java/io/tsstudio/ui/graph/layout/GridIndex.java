package io.tsstudio.ui.graph.layout;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A uniform-grid spatial index of boxes (item numbers with bounds), for viewport culling and picking. Boxes that
 * cover many cells (open containers, long skip edges) go to a short list that every query scans instead.
 */
public final class GridIndex {
    private static final int MAX_CELLS_PER_ITEM = 64;
    private final double cell;
    private final Map<Long, int[]> cells = new HashMap<>();
    private final Map<Long, Integer> fill = new HashMap<>();
    private int[] big = new int[8];
    private int bigCount;
    private final double[] minX;
    private final double[] minY;
    private final double[] maxX;
    private final double[] maxY;
    private int[] stamp;
    private int query;

    public GridIndex(double cell, double[] minX, double[] minY, double[] maxX, double[] maxY) {
        this.cell = cell;
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        this.stamp = new int[minX.length];
        for (int i = 0; i < minX.length; i++) {
            insert(i);
        }
    }

    private void insert(int i) {
        long cx0 = (long) Math.floor(minX[i] / cell);
        long cx1 = (long) Math.floor(maxX[i] / cell);
        long cy0 = (long) Math.floor(minY[i] / cell);
        long cy1 = (long) Math.floor(maxY[i] / cell);
        if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS_PER_ITEM) {
            if (bigCount == big.length) {
                big = Arrays.copyOf(big, bigCount * 2);
            }
            big[bigCount++] = i;
            return;
        }
        for (long cx = cx0; cx <= cx1; cx++) {
            for (long cy = cy0; cy <= cy1; cy++) {
                long key = (cx << 32) ^ (cy & 0xffffffffL);
                int[] list = cells.get(key);
                int n = fill.getOrDefault(key, 0);
                if (list == null) {
                    list = new int[4];
                } else if (n == list.length) {
                    list = Arrays.copyOf(list, n * 2);
                }
                list[n] = i;
                cells.put(key, list);
                fill.put(key, n + 1);
            }
        }
    }

    /** Calls {@code out} once for each item whose box meets the rectangle, in no particular order. */
    public synchronized void query(double x0, double y0, double x1, double y1, IntConsumer out) {
        if (++query == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            query = 1;
        }
        long cx0 = (long) Math.floor(x0 / cell);
        long cx1 = (long) Math.floor(x1 / cell);
        long cy0 = (long) Math.floor(y0 / cell);
        long cy1 = (long) Math.floor(y1 / cell);
        if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > 4L * cells.size()) {
            for (int i = 0; i < minX.length; i++) {
                if (meets(i, x0, y0, x1, y1)) {
                    out.accept(i);
                }
            }
            return;
        }
        for (long cx = cx0; cx <= cx1; cx++) {
            for (long cy = cy0; cy <= cy1; cy++) {
                long key = (cx << 32) ^ (cy & 0xffffffffL);
                int[] list = cells.get(key);
                if (list == null) {
                    continue;
                }
                int n = fill.get(key);
                for (int k = 0; k < n; k++) {
                    int i = list[k];
                    if (stamp[i] != query && meets(i, x0, y0, x1, y1)) {
                        stamp[i] = query;
                        out.accept(i);
                    }
                }
            }
        }
        for (int k = 0; k < bigCount; k++) {
            int i = big[k];
            if (stamp[i] != query && meets(i, x0, y0, x1, y1)) {
                stamp[i] = query;
                out.accept(i);
            }
        }
    }

    private boolean meets(int i, double x0, double y0, double x1, double y1) {
        return maxX[i] >= x0 && minX[i] <= x1 && maxY[i] >= y0 && minY[i] <= y1;
    }
}
