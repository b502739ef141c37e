package io.tsstudio.ui.editor;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Pure function from source text to style spans. Runs on a worker thread from a text snapshot (see
 * {@link HighlightingPipeline}); has no JavaFX scene dependency, so it is tested without a toolkit.
 */
public final class TorchScriptHighlighter {
    private TorchScriptHighlighter() {
    }

    public static StyleSpans<Collection<String>> computeStyles(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int last = 0;
        for (Token t : TorchScriptLexer.tokenize(text)) {
            if (t.kind() == TokenKind.IDENTIFIER) continue;
            if (t.start() > last) spans.add(Collections.emptyList(), t.start() - last);
            spans.add(List.of(t.kind().styleClass()), t.length());
            last = t.end();
        }
        spans.add(Collections.emptyList(), text.length() - last);
        return spans.create();
    }
}
