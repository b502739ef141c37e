package io.tsstudio.ui.run;

import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.DType;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ArgumentInputTest {
    private static ArgumentInput arg(String type, String def) {
        return new ArgumentInput(new ArgumentInfo("a", type, Optional.ofNullable(def)));
    }

    @Test
    void widgetFollowsTheDeclaredType() {
        assertEquals(ArgumentInput.Kind.TENSOR, arg("Tensor", null).kind());
        assertEquals(ArgumentInput.Kind.INT, arg("int", null).kind());
        assertEquals(ArgumentInput.Kind.FLOAT, arg("float", null).kind());
        assertEquals(ArgumentInput.Kind.BOOL, arg("bool", null).kind());
        assertEquals(ArgumentInput.Kind.STR, arg("str", null).kind());
        assertEquals(ArgumentInput.Kind.JSON, arg("List[int]", null).kind());
        assertEquals(ArgumentInput.Kind.JSON, arg("Optional[Tensor]", null).kind());
        assertEquals(ArgumentInput.Kind.JSON, arg("Dict[str, Tensor]", null).kind());
    }

    @Test
    void defaultsArePrefilled() {
        assertEquals("3", arg("int", "3").toJson());
        assertEquals("true", arg("bool", "True").toJson());
        assertEquals("\"mean\"", arg("str", "'mean'").toJson());
        assertEquals("[1,2]", arg("List[int]", "[1, 2]").toJson());
        assertEquals("null", arg("Optional[int]", "None").toJson());
    }

    @Test
    void jsonInputsAreValidatedAgainstTheirType() {
        ArgumentInput list = arg("List[int]", null);
        list.textProperty().set("{\"a\": 1}");
        assertEquals("argument 'a' expects a JSON array for List[int]", list.errorProperty().get());
        list.textProperty().set("[1, 2");
        assertTrue(list.errorProperty().get().startsWith("argument 'a' is not valid JSON"));
        list.textProperty().set("[1, 2]");
        assertNull(list.errorProperty().get());
        ArgumentInput dict = arg("Dict[str, float]", null);
        dict.textProperty().set("null");
        assertEquals("argument 'a' cannot be None: its type is Dict[str, float]", dict.errorProperty().get());
    }

    @Test
    void tensorSpecs() {
        ArgumentInput t = arg("Tensor", null);
        t.shapeProperty().set("3 x 4");
        t.fillProperty().set(ArgumentInput.Fill.RANDN);
        assertTrue(t.isValid());
        t.dtypeProperty().set(DType.INT64);
        assertEquals("argument 'a' randn needs a floating-point dtype, not int64", t.errorProperty().get());
        t.fillProperty().set(ArgumentInput.Fill.FILE);
        assertEquals("argument 'a' needs a .pt or .npy file to read the tensor from", t.errorProperty().get());
        t.shapeProperty().set("3, -1");
        t.fillProperty().set(ArgumentInput.Fill.ZEROS);
        assertTrue(t.errorProperty().get().contains("negative dimension"));
    }

    @Test
    void saveAndRestoreRoundTrip() {
        ArgumentInput t = arg("Tensor", null);
        t.shapeProperty().set("2, 2");
        t.fillProperty().set(ArgumentInput.Fill.ARANGE);
        t.dtypeProperty().set(DType.FLOAT64);
        ArgumentInput back = arg("Tensor", null);
        back.restore(t.save());
        assertEquals(t.toJson(), back.toJson());
        ArgumentInput other = arg("int", null);
        other.restore(t.save());
        assertEquals("", other.textProperty().get(), "a saved input of another type is not applied");
    }

    @Test
    void aProposalFillsTheTensorEditorAndSaysWhereItCameFromUntilTheUserEditsIt() {
        ArgumentInput a = arg("Tensor", null);
        a.apply(new io.tsstudio.engine.run.ProposedInput("a", "Tensor",
                "{\"tensor\":{\"shape\":[1,5],\"fill\":\"arange\"},\"dtype\":\"int64\"}", "embedding of 5: indices 0..4"));
        assertEquals("1, 5", a.shapeProperty().get());
        assertEquals(DType.INT64, a.dtypeProperty().get());
        assertEquals(ArgumentInput.Fill.ARANGE, a.fillProperty().get());
        assertEquals("embedding of 5: indices 0..4", a.sourceProperty().get());
        assertEquals("{\"tensor\":{\"shape\":[1,5],\"fill\":\"arange\"},\"dtype\":\"int64\"}", a.toJson());
        a.shapeProperty().set("2, 5");
        assertEquals("", a.sourceProperty().get());

        ArgumentInput b = arg("Tensor", null);
        b.restore(a.save());
        assertEquals("2, 5", b.shapeProperty().get());
        assertEquals(ArgumentInput.LAST_INPUTS, b.sourceProperty().get());
    }

    @Test
    void plainArgumentsTakeTheirProposalToo() {
        ArgumentInput n = arg("int", null);
        n.apply(new io.tsstudio.engine.run.ProposedInput("a", "int", "1", "a plain int"));
        assertEquals("1", n.toJson());
        assertEquals("a plain int", n.sourceProperty().get());
        assertEquals("declared default", arg("Optional[Tensor]", "None").sourceProperty().get());
    }
}
