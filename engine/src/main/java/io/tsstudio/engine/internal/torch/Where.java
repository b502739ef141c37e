package io.tsstudio.engine.internal.torch;

/** Where a value sits, for conversion error messages: {@code argument 'x[2]' of forward}. */
record Where(String function, String path, boolean gradMode) {
    /** {@code gradMode}: the call runs outside InferenceMode, so inference tensors must not go in as they are. */
    static Where argument(String function, String name, boolean gradMode) {
        return new Where(function, name, gradMode);
    }

    static Where argument(String function, String name) {
        return new Where(function, name, false);
    }

    static Where result(String function) {
        return new Where(function, null, false);
    }

    Where index(int i) {
        return new Where(function, (path == null ? "result" : path) + "[" + i + "]", gradMode);
    }

    Where key(Object k) {
        return new Where(function, (path == null ? "result" : path) + "[" + (k instanceof String ? "'" + k + "'" : k) + "]", gradMode);
    }

    Where field(String name) {
        return new Where(function, (path == null ? "result" : path) + "." + name, gradMode);
    }

    String describe() {
        return path == null ? "result of " + function : "argument '" + path + "' of " + function;
    }
}
