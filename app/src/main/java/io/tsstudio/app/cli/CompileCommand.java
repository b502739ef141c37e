package io.tsstudio.app.cli;

import io.tsstudio.engine.CompilationUnit;
import io.tsstudio.engine.CompileException;
import io.tsstudio.engine.FunctionInfo;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.ScriptModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tsstudio compile SOURCE [-o OUT.pt]}. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile TorchScript source (def functions, classes, NamedTuples).",
                "Errors print as SOURCE:LINE:COL: message.",
                "With -o, save a module whose methods are the functions",
                "(the one named forward becomes its forward)."})
final class CompileCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SOURCE", description = "a TorchScript source file")
    String source;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.pt", description = "write the compiled module here")
    String output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String text = read(CliFiles.existing(source));
        try (CompilationUnit cu = Jit.compile(text)) {
            if (cu.functions().isEmpty()) throw new UserError(source + " defines no functions (expected TorchScript 'def' functions)");
            if (output == null) {
                out.println(source + ": " + cu.functions().size() + " function" + (cu.functions().size() == 1 ? "" : "s") + " compiled");
                for (FunctionInfo f : cu.functions()) out.println("  " + f.schema());
                return 0;
            }
            String className = className(Path.of(source));
            try (ScriptModule m = cu.toModule(className)) {
                Jit.save(m, Path.of(output));
                out.println("wrote " + output + " (class " + m.className() + ", methods: "
                        + String.join(", ", m.methods().stream().map(mi -> mi.name()).toList()) + ")");
            }
            return 0;
        } catch (CompileException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(source + ":" + e.line() + ":" + e.column() + ": " + e.shortMessage());
            if (!e.sourceLine().isEmpty()) {
                err.println("  " + e.sourceLine());
                if (e.column() > 0) err.println("  " + " ".repeat(e.column() - 1) + "^");
            }
            return Failures.USER_ERROR;
        }
    }

    private String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new UserError(source + " is not UTF-8 text (is it a model file? use 'tsstudio inspect')");
        } catch (IOException e) {
            throw new UserError("cannot read " + source + ": " + e.getMessage());
        }
    }

    /** The module's class is named after the source file: {@code my_model.py} -> {@code MyModel}. */
    static String className(Path source) {
        String stem = source.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : stem.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
                continue;
            }
            sb.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        if (sb.length() == 0 || !Character.isLetter(sb.charAt(0))) sb.insert(0, "Module");
        return sb.toString();
    }
}
