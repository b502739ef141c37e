package io.tsstudio.ui.editor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditingHelpersTest {
    @Test
    void indentsAfterAColonAndKeepsIndentOtherwise() {
        assertEquals("    ", AutoIndent.indentAfterBreak("def f(x):", 9));
        assertEquals("        ", AutoIndent.indentAfterBreak("def f(x):\n    if x:  # c", 23));
        assertEquals("    ", AutoIndent.indentAfterBreak("def f(x):\n    y = x", 19));
        assertEquals("", AutoIndent.indentAfterBreak("def f(x):\n    return x", 22));
        assertEquals("", AutoIndent.indentAfterBreak("", 0));
    }

    @Test
    void matchesBracketsButNotInsideStrings() {
        String s = "f(a[1], \")\", {2})";
        assertEquals(OptionalInt.of(s.length() - 1), BracketMatcher.findMatch(s, 1));
        assertEquals(OptionalInt.of(1), BracketMatcher.findMatch(s, s.length() - 1));
        assertEquals(OptionalInt.of(5), BracketMatcher.findMatch(s, 3));
        assertEquals(OptionalInt.empty(), BracketMatcher.findMatch(s, s.indexOf("\")") + 1));
        assertEquals(OptionalInt.of(1), BracketMatcher.bracketNear(s, 2));
        assertFalse(BracketMatcher.findMatch("(((", 0).isPresent());
    }

    @Test
    void findsAndReplacesLiterallyOrByRegex() {
        String text = "x = torch.relu(x)\ny = Torch.RELU(y)";
        TextSearch plain = new TextSearch("relu", false, false);
        assertEquals(2, plain.count(text));
        assertEquals(new TextSearch.Match(10, 14), plain.next(text, 0).orElseThrow());
        assertEquals(new TextSearch.Match(28, 32), plain.next(text, 11).orElseThrow());
        assertEquals(new TextSearch.Match(10, 14), plain.next(text, 33).orElseThrow(), "wraps around");
        assertEquals(new TextSearch.Match(10, 14), plain.previous(text, 28).orElseThrow());
        assertEquals(1, new TextSearch("relu", true, false).count(text));
        TextSearch regex = new TextSearch("(\\w+)\\.relu", false, true);
        assertEquals("x = F(torch)(x)\ny = F(Torch)(y)", regex.replaceAll(text, "F($1)", true));
        assertEquals("a.b", new TextSearch(".", false, false).replaceAll("a.b", ".", false));
        assertThrows(IllegalArgumentException.class, () -> new TextSearch("(", false, true));
    }

    @Test
    void parsesGoToLine() {
        assertEquals(new GoToLine.Target(12, 1), GoToLine.parse("12", 100).orElseThrow());
        assertEquals(new GoToLine.Target(12, 5), GoToLine.parse(" 12:5 ", 100).orElseThrow());
        assertEquals(new GoToLine.Target(100, 1), GoToLine.parse("500", 100).orElseThrow());
        assertTrue(GoToLine.parse("abc", 100).isEmpty());
        assertTrue(GoToLine.parse("0", 100).isEmpty());
    }

    @Test
    void quickFixRewritesSubmoduleCallsAsForward() {
        String text = "def forward(self, x: Tensor) -> Tensor:\n    return self.block.fc(x) + self.head.forward(x)\n";
        Diagnostic d = Diagnostic.error(2, 12, 13, "Module 'Linear' ... has no attribute or method '__call__'");
        List<QuickFix> fixes = QuickFix.forDiagnostic(text, d);
        assertEquals(1, fixes.size());
        assertEquals("def forward(self, x: Tensor) -> Tensor:\n    return self.block.fc.forward(x) + self.head.forward(x)\n", fixes.get(0).applyTo(text));
        assertTrue(QuickFix.forDiagnostic(text, Diagnostic.error(2, 1, 1, "undefined value y")).isEmpty());
    }

    @Test
    void diagnosticOffsetsStayInsideTheirLine() {
        String text = "a = 1\nbb = undefined_thing\n";
        Diagnostic d = Diagnostic.error(2, 6, 15, "undefined value undefined_thing");
        assertEquals(11, d.startOffset(text));
        assertEquals(26, d.endOffset(text));
        Diagnostic past = Diagnostic.error(2, 40, 3, "x");
        assertEquals(text.indexOf('\n', 6), past.startOffset(text));
        assertTrue(past.endOffset(text) > past.startOffset(text));
        assertEquals(2, TextPositions.lineOf(text, 11));
        assertEquals(6, TextPositions.columnOf(text, 11));
    }

    @Test
    void readsLibTorchCompileErrorText() {
        String msg = """
                undefined value y:
                  File "<string>", line 3
                def f(x):
                    z = x
                    return y
                           ~ <--- HERE
                """;
        Diagnostic d = CompileErrorText.parse(msg).orElseThrow();
        assertEquals(3, d.line());
        assertEquals(12, d.column());
        assertEquals(1, d.length());
        assertEquals("undefined value y", d.message());
        assertTrue(CompileErrorText.parse("no location here").isEmpty());
    }

    @Test
    void layersErrorRangesOverHighlighting() {
        String text = "return torch.relu(x)";
        var spans = StyleLayers.combine(TorchScriptHighlighter.computeStyles(text), List.of(new StyledRange(7, 17, "error-range")));
        assertEquals(text.length(), spans.length());
        int pos = 0;
        boolean errorOnTorchCall = false;
        for (var span : spans) {
            if (pos >= 7 && pos < 17 && span.getStyle().contains("error-range") && span.getStyle().contains("torch-call")) errorOnTorchCall = true;
            pos += span.getLength();
        }
        assertTrue(errorOnTorchCall);
    }

    @Test
    void spanDiffFindsTheChangedStylesAndAlwaysTheEditedText() {
        var before = TorchScriptHighlighter.computeStyles("x = 1\nreturn x\ny = 2\n");
        var same = TorchScriptHighlighter.computeStyles("x = 1\nreturn x\ny = 2\n");
        assertTrue(SpanDiff.changed(before, same).isEmpty());
        var after = TorchScriptHighlighter.computeStyles("x = 1\nreturn_value x\ny = 2\n");
        SpanDiff.Range r = SpanDiff.changed(before, after, 12, 10);
        assertTrue(r.from() <= 6 && r.to() >= 18, r.toString());
        assertTrue(r.to() <= after.length());
    }
}
