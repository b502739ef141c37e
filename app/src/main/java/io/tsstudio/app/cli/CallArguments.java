package io.tsstudio.app.cli;

import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.Device;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.run.InputProposal;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.values.ValueJson;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --arg JSON}...: a method's positional arguments as JSON (picocli mixin), read against the types the method's
 * schema declares. The one place the command line turns JSON text into call arguments.
 */
final class CallArguments {
    @Option(names = "--arg", paramLabel = "JSON", description = "one positional argument as JSON, or @FILE.json; repeat for each")
    List<String> texts = new ArrayList<>();

    boolean given() {
        return !texts.isEmpty();
    }

    /**
     * The values for {@code method} (self excluded). Without any --arg, a method that takes arguments gets the ones
     * {@link InputProposal} reads from the model, printed to {@code notesTo} so the user can copy and edit them.
     * Too many arguments, or a missing one without a default, is a user error that says what the method takes.
     */
    List<Object> read(ScriptModule m, String method, PrintWriter notesTo, Device device) {
        List<ArgumentInfo> declared = m.method(method).arguments();
        List<String> json = texts;
        if (json.isEmpty() && !declared.isEmpty()) {
            json = proposed(m, method, "running with inputs proposed from the model", notesTo);
        }
        if (json.size() > declared.size()) {
            throw new UserError(method + " takes " + declared.size() + " argument" + (declared.size() == 1 ? "" : "s")
                    + describe(declared) + ", but " + json.size() + " --arg were given");
        }
        for (int i = json.size(); i < declared.size(); i++) {
            ArgumentInfo missing = declared.get(i);
            if (missing.defaultValue().isEmpty()) {
                throw new UserError(method + " needs argument '" + missing.name() + "' (" + missing.type() + "): add --arg "
                        + example(missing.type()) + " (" + method + " takes" + describe(declared) + ")");
            }
        }
        return convert(json, declared, device);
    }

    /** The inputs {@link InputProposal} reads from the model for {@code method}, printed as --arg lines after {@code doing}. */
    static List<String> proposed(ScriptModule m, String method, String doing, PrintWriter to) {
        List<ProposedInput> proposed = InputProposal.propose(m, method);
        to.println("no --arg given: " + doing);
        for (ProposedInput p : proposed) to.println("  --arg '" + p.json() + "'   # " + p.name() + ": " + p.source());
        to.flush();
        return proposed.stream().map(ProposedInput::json).toList();
    }

    /** Each JSON text read as the declared argument at its position; on a bad one, the tensors read so far are closed. */
    static List<Object> convert(List<String> json, List<ArgumentInfo> declared, Device device) {
        List<Object> values = new ArrayList<>();
        try {
            for (int i = 0; i < json.size(); i++) {
                ArgumentInfo a = declared.get(i);
                values.add(ArgumentText.read(json.get(i), a.type(), "argument '" + a.name() + "'", device));
            }
        } catch (RuntimeException e) {
            values.forEach(ValueJson::closeTensors);
            throw e;
        }
        return values;
    }

    private static String describe(List<ArgumentInfo> declared) {
        if (declared.isEmpty()) return " no arguments";
        return " (" + String.join(", ", declared.stream().map(a -> a.name() + ": " + a.type()).toList()) + ")";
    }

    private static String example(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.contains("tensor")) return "'{\"tensor\": {\"shape\": [2, 3], \"fill\": \"randn\"}}'";
        if (t.startsWith("list") || t.endsWith("[]")) return "'[1, 2]'";
        if (t.startsWith("int")) return "1";
        if (t.startsWith("float")) return "1.5";
        if (t.startsWith("bool")) return "true";
        if (t.startsWith("str")) return "'\"text\"'";
        return "JSON";
    }
}
