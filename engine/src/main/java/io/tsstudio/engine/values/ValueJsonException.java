package io.tsstudio.engine.values;

import io.tsstudio.engine.ValueConversionException;

/** A JSON value does not fit the declared type (the message names the argument, the expected type and what was given). */
public class ValueJsonException extends ValueConversionException {
    public ValueJsonException(String message) {
        super(message);
    }
}
