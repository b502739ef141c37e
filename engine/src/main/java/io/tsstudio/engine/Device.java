package io.tsstudio.engine;

import java.util.Locale;

/** A compute device as LibTorch names it: {@code cpu}, {@code cuda:0}, ... */
public record Device(String type, int index) {
    public static final Device CPU = new Device("cpu", -1);

    public Device {
        type = type.toLowerCase(Locale.ROOT);
    }

    public static Device cuda(int index) {
        return new Device("cuda", index);
    }

    /** Parses {@code cpu}, {@code cuda}, {@code cuda:1}. */
    public static Device parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        if (colon < 0) return t.equals("cpu") ? CPU : new Device(t, t.equals("cuda") ? 0 : -1);
        try {
            return new Device(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad device '" + text + "' (expected cpu or cuda:N)");
        }
    }

    public boolean isCpu() {
        return type.equals("cpu");
    }

    @Override
    public String toString() {
        return index < 0 ? type : type + ":" + index;
    }
}
