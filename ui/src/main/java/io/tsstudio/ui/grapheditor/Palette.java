package io.tsstudio.ui.grapheditor;

import io.tsstudio.engine.types.ParsedSchema;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.NnModuleSpec;
import io.tsstudio.ui.grapheditor.model.NnModules;
import io.tsstudio.ui.grapheditor.model.Signatures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Everything that can be dropped on the canvas, searchable: graph inputs/outputs/constants, nn modules, registry operators. */
public final class Palette {
    private final List<PaletteEntry> entries = new ArrayList<>();

    public Palette(OperatorCatalog operators) {
        entries.add(new PaletteEntry("Input", "Graph", "a forward argument (Tensor)", BlockKind.INPUT, "Tensor"));
        entries.add(new PaletteEntry("Output", "Graph", "a returned value", BlockKind.OUTPUT, "Any"));
        entries.add(new PaletteEntry("Constant", "Graph", "a literal int, float, bool, str or list", BlockKind.CONSTANT, "int"));
        for (NnModuleSpec s : NnModules.all()) {
            entries.add(new PaletteEntry(s.type(), s.category(), "nn." + s.type() + " module", BlockKind.MODULE, s.type()));
        }
        for (String schema : operators.schemaTexts()) {
            ParsedSchema p;
            try {
                p = Signatures.schema(schema);
            } catch (IllegalArgumentException e) {
                continue; // a schema this editor cannot type is left out of the palette rather than offered broken
            }
            if (p.namespace().equals("prim")) continue; // prim ops are the compiler's plumbing, not model building blocks
            entries.add(new PaletteEntry(p.qualifiedOverload(), "Operator", schema, BlockKind.OPERATOR, schema));
        }
    }

    public List<PaletteEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** Entries whose title or schema contains every word of the query; title matches first, then by title length. */
    public List<PaletteEntry> search(String query, int limit) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) return entries.subList(0, Math.min(limit, entries.size()));
        String[] words = q.split("\\s+");
        List<PaletteEntry> inTitle = new ArrayList<>(), inDetail = new ArrayList<>();
        for (PaletteEntry e : entries) {
            String t = e.title().toLowerCase(Locale.ROOT), d = e.detail().toLowerCase(Locale.ROOT);
            boolean all = true, titleAll = true;
            for (String w : words) {
                boolean ti = t.contains(w);
                titleAll &= ti;
                all &= ti || d.contains(w);
            }
            if (titleAll) inTitle.add(e);
            else if (all) inDetail.add(e);
        }
        inTitle.sort((a, b) -> {
            int ra = rank(a, words[0]), rb = rank(b, words[0]);
            return ra != rb ? Integer.compare(ra, rb) : Integer.compare(a.title().length(), b.title().length());
        });
        List<PaletteEntry> out = new ArrayList<>(inTitle);
        out.addAll(inDetail);
        return out.subList(0, Math.min(limit, out.size()));
    }

    // exact short name first (relu before hardrelu), then prefix, then anywhere
    private static int rank(PaletteEntry e, String w) {
        String t = e.title().toLowerCase(Locale.ROOT);
        String shortName = t.contains("::") ? t.substring(t.indexOf("::") + 2) : t;
        if (shortName.equals(w) || shortName.startsWith(w + ".")) return 0;
        if (shortName.startsWith(w)) return 1;
        return 2;
    }
}
