package io.tsstudio.engine.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * torchvision's C++ operators, re-implemented in TorchScript ({@code torchvision_ops.py} next to this class) so that
 * they run wherever LibTorch runs, on any device, without torchvision's native library: the JavaCPP presets cannot
 * register a Java kernel, and shipping torchvision's library per OS and CUDA version is not possible here.
 * The implementations follow torchvision's CPU kernels step by step (sample positions, bilinear weights, rounding,
 * summation order, nms order), so results agree to float rounding.
 */
public final class BuiltinOperators {
    /** Where the implementations live inside an archive once injected (a module LibTorch's importer resolves). */
    public static final String MODULE = "__torch__.tsstudio.torchvision_ops";
    static final String CODE_PATH = "code/__torch__/tsstudio/torchvision_ops.py";
    static final String NAMESPACE = "torchvision";
    static final Set<String> NAMES = Set.of("nms", "roi_align", "roi_pool", "ps_roi_align", "ps_roi_pool", "deform_conv2d");

    private static final Pattern PUBLIC_DEF = Pattern.compile("^def ([a-z]\\w*)\\((.*)\\) -> (.*):$", Pattern.MULTILINE);
    private static final Pattern PARAM_NAME = Pattern.compile("(\\w+)\\s*:");
    private static volatile String implementation;

    private BuiltinOperators() {
    }

    /** Whether {@code op} is one of torchvision's operators that the studio provides itself. */
    public static boolean provides(OperatorRef op) {
        return NAMESPACE.equals(op.namespace()) && NAMES.contains(op.name());
    }

    /** The operators provided, qualified, sorted. */
    public static List<String> names() {
        return NAMES.stream().sorted().map(n -> NAMESPACE + "::" + n).toList();
    }

    /** The TorchScript implementations, as archive code (module {@link #MODULE}). */
    static String implementation() {
        String s = implementation;
        if (s == null) {
            try (InputStream in = BuiltinOperators.class.getResourceAsStream("torchvision_ops.py")) {
                if (in == null) throw new IllegalStateException("torchvision_ops.py missing from the engine jar");
                s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            implementation = s;
        }
        return s;
    }

    /**
     * The same module with every public function calling torchvision's own operator: what a saved file carries when
     * it should keep running on torchvision's native kernels in PyTorch.
     */
    static String nativeWrappers() {
        StringBuilder out = new StringBuilder();
        Matcher m = PUBLIC_DEF.matcher(implementation());
        while (m.find()) {
            List<String> params = new ArrayList<>();
            Matcher p = PARAM_NAME.matcher(m.group(2));
            while (p.find()) params.add(p.group(1));
            out.append("def ").append(m.group(1)).append('(').append(m.group(2)).append(") -> ").append(m.group(3))
                    .append(":\n  return ops.").append(NAMESPACE).append('.').append(m.group(1))
                    .append('(').append(String.join(", ", params)).append(")\n");
        }
        return out.toString();
    }
}
