package io.tsstudio.ui.session;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TabTitlesTest {
    @Test
    void uniqueTitlesStayAsTheyAre() {
        assertEquals(List.of("a.py", "Net · b.pt"), TabTitles.of(List.of(new TabTitles.Entry("a.py", Path.of("/x/a.py")),
                new TabTitles.Entry("Net · b.pt", Path.of("/y/b.pt")))));
    }

    @Test
    void sameTitlesGetTheirFolder() {
        assertEquals(List.of("Net · model.pt — run1", "Net · model.pt — run2", "other.py"), TabTitles.of(List.of(
                new TabTitles.Entry("Net · model.pt", Path.of("/w/run1/model.pt")),
                new TabTitles.Entry("Net · model.pt", Path.of("/w/run2/model.pt")),
                new TabTitles.Entry("other.py", Path.of("/w/run2/other.py")))));
    }

    @Test
    void sameFolderNamesGoUpUntilTheyDiffer() {
        assertEquals(List.of("m.pt — a/out", "m.pt — b/out"), TabTitles.of(List.of(
                new TabTitles.Entry("m.pt", Path.of("/p/a/out/m.pt")), new TabTitles.Entry("m.pt", Path.of("/p/b/out/m.pt")))));
    }

    @Test
    void tabsWithoutAFileKeepTheirTitle() {
        assertEquals(List.of("untitled-1.py", "untitled-1.py — w"), TabTitles.of(List.of(
                new TabTitles.Entry("untitled-1.py", null), new TabTitles.Entry("untitled-1.py", Path.of("/w/untitled-1.py")))));
    }
}
