package io.tsstudio.ui.graph.model;

/** Short forms of TorchScript type and class names for drawing. */
public final class TypeText {
    private TypeText() {
    }

    /** {@code Float(2, 3, strides=[3, 1], requires_grad=0, device=cpu)} becomes {@code Float(2, 3)}. */
    public static String brief(String type) {
        if (type == null) {
            return "";
        }
        int strides = type.indexOf(", strides=");
        if (strides < 0) {
            strides = type.indexOf("strides=");
        }
        if (strides >= 0) {
            return type.substring(0, strides) + ")";
        }
        int rg = type.indexOf(", requires_grad=");
        if (rg >= 0) {
            return type.substring(0, rg) + ")";
        }
        return type;
    }

    /** {@code __torch__.torch.nn.modules.linear.___torch_mangle_3.Linear} becomes {@code Linear}. */
    public static String shortClass(String qualified) {
        if (qualified == null || qualified.isEmpty()) {
            return "";
        }
        int dot = qualified.lastIndexOf('.');
        return dot < 0 ? qualified : qualified.substring(dot + 1);
    }

    /** Whether a type text names a module class (the {@code self} of a method, a submodule reference). */
    public static boolean isModuleType(String type) {
        return type != null && type.startsWith("__torch__.");
    }
}
