package io.tsstudio.ui.editor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The buffer's state and its debounced, latest-wins background check, without a toolkit. */
class EditorViewModelTest {
    /** A checker over plain text: a line holding "??" is an error there. Stands for the compiler in these state tests. */
    private final List<String> checked = new CopyOnWriteArrayList<>();
    private final SourceChecker questionMarks = source -> {
        checked.add(source);
        List<Diagnostic> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int col = lines[i].indexOf("??");
            if (col >= 0) out.add(Diagnostic.error(i + 1, col + 1, 2, "question marks"));
        }
        return out;
    };

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 5_000;
        while (!c.getAsBoolean() && System.currentTimeMillis() < end) Thread.sleep(10);
        assertTrue(c.getAsBoolean(), "condition not reached in 5 s");
    }

    @Test
    void tracksDirtyStateAndTitle() {
        try (EditorViewModel vm = new EditorViewModel(BufferKind.SCRIPT, "a.py", null, "x", SourceChecker.NONE, Runnable::run)) {
            assertFalse(vm.isDirty());
            assertEquals("a.py", vm.titleProperty().get());
            vm.textChanged("xy");
            assertTrue(vm.isDirty());
            assertEquals("\u2022 a.py", vm.titleProperty().get());
            vm.markSaved();
            assertFalse(vm.isDirty());
        }
    }

    @Test
    void checksOnlyTheLatestTextAfterAPause() throws InterruptedException {
        try (EditorViewModel vm = new EditorViewModel(BufferKind.SCRIPT, "a.py", null, "", questionMarks, Runnable::run)) {
            vm.setCheckDelayMillis(100);
            checked.clear();
            for (String s : List.of("a", "a?", "a??", "a ??\nb")) vm.textChanged(s);
            waitFor(() -> !vm.diagnostics().isEmpty());
            assertEquals(List.of("a ??\nb"), checked, "bursts of typing are checked once, with the last text");
            assertEquals(Diagnostic.error(1, 3, 2, "question marks"), vm.diagnostics().get(0));
            vm.textChanged("fixed");
            waitFor(() -> vm.diagnostics().isEmpty());
            assertFalse(vm.checkingProperty().get());
        }
    }

    @Test
    void readOnlyBuffersAreNotChecked() throws InterruptedException {
        try (EditorViewModel vm = new EditorViewModel(BufferKind.READ_ONLY, "s", null, "??", questionMarks, Runnable::run)) {
            checked.clear();
            vm.requestCheck();
            Thread.sleep(400);
            assertTrue(checked.isEmpty());
        }
    }
}
