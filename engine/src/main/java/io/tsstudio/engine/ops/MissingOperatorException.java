package io.tsstudio.engine.ops;

import io.tsstudio.engine.TorchException;

import java.util.List;
import java.util.stream.Collectors;

/** A model calls operators that neither LibTorch, the built-ins nor a loaded library provide. */
public final class MissingOperatorException extends TorchException {
    private final transient List<OperatorRef> missing;

    public MissingOperatorException(String file, List<OperatorRef> missing) {
        super(file + " " + describe(missing) + "; load the library that registers it (CLI --load-library PATH, "
                + "studio Preferences > Operator libraries) and open it again");
        this.missing = List.copyOf(missing);
    }

    public List<OperatorRef> missing() {
        return missing;
    }

    /** "needs operator `a::b` (from library a)", joined with "and" when there are several. */
    public static String describe(List<OperatorRef> missing) {
        return missing.stream().map(OperatorRef::needsText).collect(Collectors.joining(" and "));
    }
}
