package io.tsstudio.ui.editor;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Layers extra style ranges over the highlighter's spans; pure, so it runs anywhere and is tested without a toolkit. */
public final class StyleLayers {
    private StyleLayers() {
    }

    public static StyleSpans<Collection<String>> combine(StyleSpans<Collection<String>> base, List<StyledRange> extras) {
        int length = base.length();
        List<StyledRange> clipped = new ArrayList<>();
        for (StyledRange r : extras) {
            int s = Math.max(0, Math.min(r.start(), length));
            int e = Math.max(s, Math.min(r.end(), length));
            if (e > s) clipped.add(new StyledRange(s, e, r.styleClass()));
        }
        if (clipped.isEmpty()) return base;
        // Boundaries of all ranges, then one span per elementary interval holding every class that covers it.
        List<Integer> cuts = new ArrayList<>();
        cuts.add(0);
        cuts.add(length);
        for (StyledRange r : clipped) {
            cuts.add(r.start());
            cuts.add(r.end());
        }
        List<Integer> points = cuts.stream().distinct().sorted().toList();
        clipped.sort(Comparator.comparingInt(StyledRange::start));
        StyleSpansBuilder<Collection<String>> layer = new StyleSpansBuilder<>();
        for (int i = 0; i + 1 < points.size(); i++) {
            int a = points.get(i);
            int b = points.get(i + 1);
            Set<String> classes = new LinkedHashSet<>();
            for (StyledRange r : clipped) {
                if (r.start() > a) break;
                if (r.end() >= b) classes.add(r.styleClass());
            }
            layer.add(classes.isEmpty() ? Collections.emptyList() : List.copyOf(classes), b - a);
        }
        return base.overlay(layer.create(), (x, y) -> {
            if (y.isEmpty()) return x;
            List<String> all = new ArrayList<>(x);
            all.addAll(y);
            return all;
        });
    }
}
