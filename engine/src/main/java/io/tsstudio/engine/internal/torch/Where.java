package io.tsstudio.engine.internal.torch;

/** Where a value sits, for conversion error messages: {@code argument 'x[2]' of forward}. */
record Where(String function, String path) {
    static Where argument(String function, String name) {
        return new Where(function, name);
    }

    static Where result(String function) {
        return new Where(function, null);
    }

    Where index(int i) {
        return new Where(function, (path == null ? "result" : path) + "[" + i + "]");
    }

    Where key(Object k) {
        return new Where(function, (path == null ? "result" : path) + "[" + (k instanceof String ? "'" + k + "'" : k) + "]");
    }

    Where field(String name) {
        return new Where(function, (path == null ? "result" : path) + "." + name);
    }

    String describe() {
        return path == null ? "result of " + function : "argument '" + path + "' of " + function;
    }
}
