package io.tsstudio.engine.export.triton;

import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.types.TypeRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What Triton's libtorch backend can pass to and take from {@code forward}, read from its schema. The backend calls
 * {@code forward} with every input as a Tensor in argument order, or with one {@code Dict[str, Tensor]} built from the
 * inputs named by its keys; it reads a Tensor or a Tuple of Tensors back by position. Everything else is refused here,
 * before anything is written, with the argument's name.
 *
 * @param arguments   forward's arguments (all Tensors), or the one Dict argument
 * @param dictInput   true when forward takes one {@code Dict[str, Tensor]}: Triton's inputs are then its keys
 * @param outputCount outputs the return type declares, or -1 when only a run can tell (a NamedTuple class)
 */
public record TritonSignature(List<String> arguments, boolean dictInput, int outputCount) {
    public TritonSignature {
        arguments = List.copyOf(arguments);
    }

    /** The module's forward as Triton sees it; throws {@link TritonExportException} naming what it cannot serve. */
    public static TritonSignature of(ScriptModule module) {
        if (!module.hasMethod("forward")) throw new TritonExportException("the model has no forward method: Triton calls forward");
        return of(module.method("forward"));
    }

    static TritonSignature of(MethodInfo forward) {
        List<ArgumentInfo> args = forward.arguments();
        if (args.isEmpty()) throw new TritonExportException("forward takes no arguments: Triton needs at least one input");
        boolean dict = false;
        List<String> names = new ArrayList<>();
        for (ArgumentInfo a : args) {
            String refusal = inputRefusal(a, args.size());
            if (refusal != null) throw new TritonExportException(refusal);
            if (isDict(parse(a.type()))) dict = true;
            names.add(a.name());
        }
        return new TritonSignature(names, dict, outputCount(forward.returnType()));
    }

    /** Why Triton cannot pass this argument, naming it, or null when it can. */
    private static String inputRefusal(ArgumentInfo a, int argumentCount) {
        String where = "argument '" + a.name() + "' of forward is " + a.type() + ": ";
        TypeRef t = parse(a.type());
        if (t == null) return where + "Triton's libtorch backend passes only Tensor inputs (or one Dict[str, Tensor])";
        if (t.isTensor()) return null;
        if (isDict(t)) {
            if (argumentCount > 1) {
                return where + "Triton passes a Dict[str, Tensor] only as forward's single argument";
            }
            if (t.args().size() != 2 || !t.args().get(0).name().equals("str") || !t.args().get(1).isTensor()) {
                return where + "Triton builds a Dict input as Dict[str, Tensor] only";
            }
            return null;
        }
        String why = switch (t.name()) {
            case "List" -> "a List input cannot be served: Triton's libtorch backend passes each input as one Tensor";
            case "Tuple" -> "a Tuple input cannot be served: Triton's libtorch backend passes each input as one Tensor; take its items as separate Tensor arguments";
            case "Optional" -> "an Optional input cannot be served: Triton always passes every input, as a Tensor";
            case "str" -> "a str input cannot be served: Triton's libtorch backend passes inputs as Tensors (encode the text as a tensor of token ids)";
            case "int", "float", "bool", "number", "Scalar" -> "a " + t.name()
                    + " input cannot be served: Triton's libtorch backend passes inputs as Tensors (take a 0-d or [1] Tensor instead)";
            default -> "a class object (" + t + ") cannot be served: Triton's libtorch backend passes inputs as Tensors";
        };
        return where + why;
    }

    /** Outputs of a Tensor or Tuple-of-Tensors return type; -1 for a class (a NamedTuple is a tuple at run time). */
    private static int outputCount(String returnType) {
        String where = "forward returns " + returnType + ": ";
        TypeRef t = parse(returnType);
        if (t == null) return -1;
        if (t.isTensor()) return 1;
        if (isDict(t)) {
            throw new TritonExportException(where + "Dict outputs cannot be served: Triton's libtorch backend reads outputs by "
                    + "position (a Tensor, or a Tuple of Tensors) as OUTPUT__0, OUTPUT__1, ...; return a Tuple in a fixed order instead");
        }
        if (t.name().equals("Tuple")) {
            for (int i = 0; i < t.args().size(); i++) {
                if (!t.args().get(i).isTensor()) {
                    throw new TritonExportException(where + "item " + i + " is " + t.args().get(i)
                            + ": Triton's libtorch backend reads each output as a Tensor");
                }
            }
            if (t.args().isEmpty()) throw new TritonExportException(where + "an empty Tuple has no outputs to serve");
            return t.args().size();
        }
        String what = switch (t.name()) {
            case "List" -> "a List output cannot be served: Triton's libtorch backend reads each output as one Tensor";
            case "Optional" -> "an Optional output cannot be served: Triton needs every declared output on every call";
            case "NoneType" -> "it returns nothing: Triton needs at least one output";
            case "str", "int", "float", "bool" -> "a " + t.name() + " output cannot be served: Triton reads outputs as Tensors";
            default -> null;
        };
        if (what != null) throw new TritonExportException(where + what);
        return -1;
    }

    private static boolean isDict(TypeRef t) {
        return t != null && t.name().equals("Dict");
    }

    /** The schema's type text as a TypeRef (TypeRef reads c10's spellings too: {@code Dict(str, Tensor)}, {@code (A, B)}). */
    private static TypeRef parse(String text) {
        String s = text.strip();
        try {
            return TypeRef.parse(s);
        } catch (IllegalArgumentException e) {
            return s.toLowerCase(Locale.ROOT).startsWith("__torch__") ? TypeRef.simple(s) : null;
        }
    }
}
