package io.tsstudio.ui.editor;

import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TorchScriptLexerTest {
    private static TokenKind kindAt(String text, String fragment) {
        int at = text.indexOf(fragment);
        for (Token t : TorchScriptLexer.tokenize(text)) if (t.start() <= at && at < t.end()) return t.kind();
        return TokenKind.IDENTIFIER;
    }

    @Test
    void classifiesTheVocabularyOfTorchScript() {
        String src = """
                @torch.jit.export
                def forward(self, x: Tensor, n: int = 3) -> List[Tensor]:
                    # a comment with def inside
                    s = "string 'with' quotes"
                    y = torch.relu(x) * 2.5e-3 + len([1])
                    return [y, aten::add]
                """;
        assertEquals(TokenKind.DECORATOR, kindAt(src, "@torch"));
        assertEquals(TokenKind.KEYWORD, kindAt(src, "def forward"));
        assertEquals(TokenKind.FUNCTION_NAME, kindAt(src, "forward("));
        assertEquals(TokenKind.SELF, kindAt(src, "self,"));
        assertEquals(TokenKind.TYPE, kindAt(src, "Tensor, n"));
        assertEquals(TokenKind.TYPE, kindAt(src, "List["));
        assertEquals(TokenKind.COMMENT, kindAt(src, "def inside"));
        assertEquals(TokenKind.STRING, kindAt(src, "'with'"));
        assertEquals(TokenKind.TORCH_CALL, kindAt(src, "relu"));
        assertEquals(TokenKind.NUMBER, kindAt(src, "2.5e-3"));
        assertEquals(TokenKind.BUILTIN, kindAt(src, "len("));
        assertEquals(TokenKind.TORCH_CALL, kindAt(src, "aten::add"));
    }

    @Test
    void unterminatedTripleQuotedStringRunsToTheEnd() {
        String src = "x = 1\ns = \"\"\"open\nstill string";
        assertEquals(TokenKind.STRING, kindAt(src, "still"));
    }

    @Test
    void stylesCoverTheWholeTextWithStyleClasses() {
        String src = "def f(x: Tensor) -> Tensor:\n    return torch.relu(x)  # done\n";
        StyleSpans<Collection<String>> spans = TorchScriptHighlighter.computeStyles(src);
        assertEquals(src.length(), spans.length());
        List<String> classes = spans.stream().flatMap(s -> s.getStyle().stream()).distinct().toList();
        assertTrue(classes.containsAll(List.of("keyword", "type", "torch-call", "comment", "function-name")), classes.toString());
    }

    @Test
    void lexesTwoThousandLinesQuickly() {
        String line = "    y = torch.matmul(x, self.weight.t()) + self.bias  # projection 42\n";
        String big = line.repeat(2000);
        TorchScriptHighlighter.computeStyles(big); // warm-up
        long t0 = System.nanoTime();
        StyleSpans<Collection<String>> spans = TorchScriptHighlighter.computeStyles(big);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(big.length(), spans.length());
        // Not a timing assertion on shared CI machines: a generous bound that only catches accidental quadratic work.
        assertTrue(ms < 2_000, "highlighting 2,000 lines took " + ms + " ms");
    }
}
