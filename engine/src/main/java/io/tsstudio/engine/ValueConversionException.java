package io.tsstudio.engine;

/** A Java value does not fit the TorchScript type a method declares (or a result has no Java form). */
public class ValueConversionException extends TorchException {
    public ValueConversionException(String message) {
        super(message);
    }
}
