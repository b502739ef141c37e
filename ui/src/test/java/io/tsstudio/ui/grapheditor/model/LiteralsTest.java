package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a person types into a constant block or a typed setting, read as TorchScript would. */
class LiteralsTest {
    @Test
    void anUntypedConstantIsReadAsNoneBoolIntFloatListOrElseString() {
        assertNull(Literals.parseAny("None"));
        assertEquals(Boolean.TRUE, Literals.parseAny("True"));
        assertEquals(Boolean.FALSE, Literals.parseAny(" False "));
        assertEquals(3L, Literals.parseAny("3"));
        assertEquals(1e-5, Literals.parseAny("1e-5"));
        assertEquals(List.of(1L, 2L), Literals.parseAny("[1, 2]"));
        assertEquals(List.of(0.5, 2.0), Literals.parseAny("[0.5, 2.]"));
        assertEquals("relu", Literals.parseAny("relu"));
        assertEquals("relu", Literals.parseAny("'relu'"));
    }

    @Test
    void aScalarSettingTakesBoolsAndNumbersAndRefusesTheRestSayingWhy() {
        assertEquals(Boolean.TRUE, Literals.parse("True", TypeRef.parse("Scalar")));
        assertEquals(2L, Literals.parse("2", TypeRef.parse("Scalar")));
        assertEquals(2.5, Literals.parse("2.5", TypeRef.parse("Scalar")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Literals.parse("two", TypeRef.parse("Scalar")));
        assertEquals("'two' is not a number", e.getMessage());
    }
}
