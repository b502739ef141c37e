package io.tsstudio.ui.session;

import io.tsstudio.ui.editor.Diagnostic;
import io.tsstudio.ui.editor.OperatorCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every model in ../shared/fixtures (all folders) and in the project's fixtures opens with no problems: each class
 * tab's live check compiles the class in the context of its own archive, as the editor runs it.
 */
class CleanDiagnosticsTest {
    static List<Path> models() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            for (Path dir : List.of(p.resolve("shared").resolve("fixtures"), p.resolve("fixtures"))) {
                if (!Files.isDirectory(dir) || dir.startsWith(p.resolve("ui"))) continue;
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(pt|dat|pth)$"))
                            .filter(f -> !out.contains(f)).sorted().forEach(out::add);
                }
            }
        }
        assertFalse(out.isEmpty(), "no fixtures found");
        return out;
    }

    @org.junit.jupiter.api.Test
    void anErrorInAClassIsReportedAtItsLineInThatClass() throws Exception {
        EngineModelBackend backend = new EngineModelBackend(OperatorCatalog.EMPTY);
        Path file = models().stream().filter(f -> f.getFileName().toString().equals("greedy_decoder_script.pt")).findFirst().orElseThrow();
        OpenedFile.Model m = (OpenedFile.Model) backend.open(file);
        try {
            Map.Entry<String, String> root = m.codeByClass().entrySet().iterator().next();
            String[] lines = root.getValue().split("\n", -1);
            int at = -1;
            for (int i = 0; i < lines.length && at < 0; i++) if (lines[i].trim().startsWith("return ")) at = i;
            lines[at] = lines[at].replace("return ", "return no_such_name + ");
            List<Diagnostic> d = backend.classCodeChecker(m.model(), root.getKey()).check(String.join("\n", lines));
            assertEquals(1, d.size(), d.toString());
            assertEquals(at + 1, d.get(0).line(), d.toString());
            assertTrue(d.get(0).message().contains("no_such_name"), d.get(0).message());
        } finally {
            backend.close(m.model());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureModelOpensWithoutProblems() throws IOException {
        EngineModelBackend backend = new EngineModelBackend(OperatorCatalog.EMPTY);
        return models().stream().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName() + "/" + file.getFileName(), () -> {
            OpenedFile opened;
            try {
                opened = backend.open(file);
            } catch (ModelFileException e) {
                // not-torchscript holds files that are not models at all; they are refused, not "problems"
                assertTrue(file.toString().contains("not-torchscript"), file + ": " + e.getMessage());
                return;
            }
            if (!(opened instanceof OpenedFile.Model m)) return;
            try {
                List<String> problems = new ArrayList<>();
                for (Map.Entry<String, String> tab : m.codeByClass().entrySet()) {
                    for (Diagnostic d : backend.classCodeChecker(m.model(), tab.getKey()).check(tab.getValue())) {
                        problems.add(tab.getKey() + " " + d.location() + ": " + d.message());
                    }
                }
                assertEquals(List.of(), problems, file.toString());
                // the first tab edited (a comment) is compiled for real in its archive and still has no problems
                Map.Entry<String, String> first = m.codeByClass().entrySet().iterator().next();
                String edited = first.getValue().stripTrailing() + "\n  # edited\n";
                assertEquals(List.of(), backend.classCodeChecker(m.model(), first.getKey()).check(edited), file + " " + first.getKey());
            } finally {
                if (m.model().module() != null) m.model().module().close();
            }
        }));
    }
}
