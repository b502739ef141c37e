package io.tsstudio.app.studio.bench;

import io.tsstudio.ui.editor.Diagnostic;
import io.tsstudio.ui.editor.EditorViewModel;
import io.tsstudio.ui.editor.OperatorCatalog;
import io.tsstudio.ui.editor.SourceChecker;
import io.tsstudio.ui.session.EngineModelBackend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints how long live diagnostics take for a 500-line script: the compile alone (good and broken source), and
 * from the end of typing to the diagnostics arriving (debounce included), as the editor's view model does it.
 * Run: {@code java -cp <test classpath> io.tsstudio.app.studio.bench.CompileDiagnosticsBenchmark}.
 */
public final class CompileDiagnosticsBenchmark {
    private CompileDiagnosticsBenchmark() {
    }

    /** About 500 lines of TorchScript: 50 functions of 10 lines, each calling the previous one. */
    static String script(int functions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < functions; i++) {
            sb.append("def f").append(i).append("(x: Tensor, scale: float = 1.0) -> Tensor:\n");
            sb.append("    # block ").append(i).append('\n');
            sb.append("    y = torch.relu(x) * scale\n");
            sb.append("    z = torch.sigmoid(y) + 0.5\n");
            sb.append("    if bool(z.sum() > 0):\n");
            sb.append("        z = z - z.mean()\n");
            sb.append("    for k in range(2):\n");
            sb.append("        z = z + float(k)\n");
            sb.append(i == 0 ? "    return z\n" : "    return f" + (i - 1) + "(z, scale)\n");
            sb.append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        String good = script(50);
        String broken = good.replace("    z = torch.sigmoid(y) + 0.5\n    if", "    z = torch.sigmoid(y) + undefined_value\n    if");
        SourceChecker checker = new EngineModelBackend(OperatorCatalog.EMPTY).scriptChecker();
        int lines = good.split("\n").length;
        for (int i = 0; i < 3; i++) checker.check(good);
        List<Long> okTimes = new ArrayList<>();
        List<Long> badTimes = new ArrayList<>();
        List<Diagnostic> found = List.of();
        for (int i = 0; i < 10; i++) {
            long t0 = System.nanoTime();
            checker.check(good);
            okTimes.add(System.nanoTime() - t0);
            t0 = System.nanoTime();
            found = checker.check(broken);
            badTimes.add(System.nanoTime() - t0);
        }
        report("compile " + lines + " lines, no error", okTimes);
        report("compile " + lines + " lines, one error", badTimes);
        System.out.println("  diagnostic: " + found);

        // From the last keystroke to the diagnostics list being replaced (debounce + compile + delivery).
        List<Long> endToEnd = new ArrayList<>();
        try (EditorViewModel vm = new EditorViewModel(io.tsstudio.ui.editor.BufferKind.SCRIPT, "bench.py", null, good, checker, Runnable::run)) {
            for (int i = 0; i < 10; i++) {
                String text = i % 2 == 0 ? broken : good;
                long t0 = System.nanoTime();
                vm.textChanged(text);
                boolean wantErrors = i % 2 == 0;
                while (vm.checkingProperty().get() || vm.diagnostics().isEmpty() == wantErrors) Thread.sleep(1);
                endToEnd.add(System.nanoTime() - t0);
            }
        }
        report("typing pause -> diagnostics shown (debounce " + EditorViewModel.CHECK_DELAY_MILLIS + " ms)", endToEnd);
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%-60s min %6.1f ms  median %6.1f ms  max %6.1f ms%n", what,
                sorted.get(0) / 1e6, sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }
}
