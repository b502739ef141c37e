package io.tsstudio.ui.session;

import io.tsstudio.engine.ArchiveLimits;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.graph.model.GraphFixtures;
import io.tsstudio.ui.grapheditor.model.DocumentJson;
import io.tsstudio.ui.grapheditor.script.GraphArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entries past the archive limits reach the user as a named skip, not as silently missing code or documents. */
class OversizedArchiveEntriesTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        System.clearProperty(ArchiveLimits.MAX_ENTRY_PROPERTY);
    }

    @Test
    void codeTooLargeToReadIsListedWhenAModelOpens() throws Exception {
        System.setProperty(ArchiveLimits.MAX_ENTRY_PROPERTY, "16");
        EngineModelBackend backend = new EngineModelBackend(OperatorCatalog.EMPTY);
        OpenedFile.Model m = (OpenedFile.Model) backend.open(GraphFixtures.pytorch("linrelu.script.dat"));
        try {
            assertTrue(m.codeByClass().isEmpty(), m.codeByClass().keySet().toString());
            assertEquals(3, m.skippedCode().size(), "Sequential, Linear and ReLU each have a code file: " + m.skippedCode());
            for (String s : m.skippedCode()) {
                assertTrue(s.matches("code/__torch__/torch/nn/modules/\\w+/\\w+\\.py: larger than 16 bytes \\(tsstudio\\.archive\\.maxEntryBytes\\)"), s);
            }
        } finally {
            backend.close(m.model());
        }
    }

    @Test
    void aGraphDocumentTooLargeToReadIsNamed() throws Exception {
        Path file = dir.resolve("with-doc.pt");
        try (ScriptModule module = Jit.load(GraphFixtures.pytorch("linrelu.script.dat"))) {
            module.save(file, Map.of(DocumentJson.ARCHIVE_ENTRY, "{\"padding\": \"" + "x".repeat(4000) + "\"}"));
        }
        System.setProperty(ArchiveLimits.MAX_ENTRY_PROPERTY, "1000");
        GraphArchive.Opened opened = GraphArchive.open(file);
        try {
            assertTrue(opened.document().isEmpty());
            assertEquals(1, opened.skipped().size());
            assertEquals("extra/" + DocumentJson.ARCHIVE_ENTRY + ": larger than 1000 bytes (tsstudio.archive.maxEntryBytes)", opened.skipped().get(0));
        } finally {
            opened.module().close();
        }
    }
}
