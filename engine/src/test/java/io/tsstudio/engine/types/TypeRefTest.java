package io.tsstudio.engine.types;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TypeRefTest {
    private static final String ADD_TENSOR = "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor";
    private static final String MAX_DIM = "aten::max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)";
    private static final String SUM_DIM = "aten::sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor";

    @Test
    void normalisesSchemaSpellings() {
        assertEquals("List[int]", TypeRef.parse("int[2]").toString());
        assertEquals("Optional[List[int]]", TypeRef.parse("int[1]?").toString());
        assertEquals("Tensor", TypeRef.parse("Tensor(a!)").toString());
        assertEquals("List[Optional[Tensor]]", TypeRef.parse("Tensor?[]").toString());
        assertEquals("int", TypeRef.parse("SymInt").toString());
        assertEquals("Tuple[Tensor, int]", TypeRef.parse("Tuple[Tensor, int]").toString());
        assertEquals(TypeRef.parse("Optional[float]"), TypeRef.parse("float?"));
    }

    @Test
    void readsWhatLibTorchPrints() {
        TypeRef named = TypeRef.parse("NamedTuple(a : Tensor, b : int[])");
        assertEquals("NamedTuple", named.name());
        assertEquals(java.util.List.of("a", "b"), named.fields());
        assertEquals(java.util.List.of(TypeRef.TENSOR, TypeRef.listOf(TypeRef.INT)), named.args());
        assertEquals("NamedTuple(a : Tensor, b : List[int])", named.toString());
        assertEquals(named, TypeRef.parse(named.toString()));
        assertEquals(TypeRef.simple("Float"), TypeRef.parse("Float(2, 3, strides=[3, 1], requires_grad=0, device=cpu)"));
        assertEquals("List[Long]", TypeRef.parse("Long(2, strides=[1], device=cpu)[]").toString());
        assertEquals(new TypeRef("Tuple", java.util.List.of()), TypeRef.parse("Tuple[()]"));
        assertEquals("Tuple[()]", TypeRef.parse("()").toString());
        assertEquals(TypeRef.parse("Tuple[()]"), TypeRef.parse("Tuple[]"));
        assertEquals("Tuple[Tuple[()], int]", TypeRef.parse("Tuple[(), int]").toString());
        assertEquals("Dict[str, Tensor]", TypeRef.parse("Dict(str, Tensor)").toString());
        assertEquals("Future[int]", TypeRef.parse("Future[int]").toString());
        assertEquals("Await[int]", TypeRef.parse("Await[int]").toString()); // type arguments of any generic, not a list suffix
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TypeRef.parse("NamedTuple(a Tensor)"));
        assertEquals("cannot read a NamedTuple field at column 14 of 'NamedTuple(a Tensor)'", e.getMessage());
    }

    @Test
    void acceptsWhatTorchScriptAccepts() {
        assertTrue(TypeRef.parse("Scalar").accepts(TypeRef.INT));
        assertTrue(TypeRef.parse("Scalar").accepts(TypeRef.FLOAT));
        assertTrue(TypeRef.FLOAT.accepts(TypeRef.INT));
        assertFalse(TypeRef.INT.accepts(TypeRef.FLOAT));
        assertTrue(TypeRef.parse("Tensor?").accepts(TypeRef.TENSOR));
        assertTrue(TypeRef.parse("Tensor?").accepts(TypeRef.NONE));
        assertFalse(TypeRef.TENSOR.accepts(TypeRef.parse("Tensor?")));
        assertFalse(TypeRef.TENSOR.accepts(TypeRef.INT));
        assertTrue(TypeRef.parse("int[]").accepts(TypeRef.parse("List[int]")));
        assertFalse(TypeRef.parse("int[]").accepts(TypeRef.parse("List[float]")));
        assertEquals(Optional.of("expects Tensor but gets List[int]"), TypeRef.TENSOR.refuses(TypeRef.parse("int[]")));
    }

    @Test
    void badTypeTextIsRefusedWithWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TypeRef.parse("List[int"));
        assertTrue(e.getMessage().contains("List[int"), e.getMessage());
    }

    @Test
    void parsesRegistrySchemas() {
        ParsedSchema s = ParsedSchema.parse(ADD_TENSOR);
        assertEquals("aten::add", s.name());
        assertEquals("Tensor", s.overload());
        assertEquals(3, s.arguments().size());
        assertTrue(s.arguments().get(2).kwargOnly());
        assertEquals(Optional.of("1"), s.arguments().get(2).defaultValue());
        assertEquals("out", s.returns().get(0).name());

        ParsedSchema m = ParsedSchema.parse(MAX_DIM);
        assertEquals(2, m.returns().size());
        assertEquals("values", m.returns().get(0).name());
        assertEquals("indices", m.returns().get(1).name());

        ParsedSchema sum = ParsedSchema.parse(SUM_DIM);
        assertEquals("Optional[List[int]]", sum.arguments().get(1).type().toString());
        assertFalse(sum.arguments().get(1).defaultValue().isPresent());

        ParsedSchema inplace = ParsedSchema.parse("aten::relu_(Tensor(a!) self) -> Tensor(a!)");
        assertTrue(inplace.mutates());
        ParsedSchema conv = ParsedSchema.parse(
                "aten::conv2d(Tensor input, Tensor weight, Tensor? bias=None, SymInt[2] stride=1, SymInt[2] padding=0, SymInt[2] dilation=1, SymInt groups=1) -> Tensor");
        assertEquals("List[int]", conv.arguments().get(3).type().toString());
        assertEquals(Optional.of("1"), conv.arguments().get(3).defaultValue());
        ParsedSchema tuple = ParsedSchema.parse("aten::split.Tensor(Tensor(a -> *) self, SymInt split_size, int dim=0) -> Tensor(a)[]");
        assertEquals("List[Tensor]", tuple.returns().get(0).type().toString());
        ParsedSchema none = ParsedSchema.parse("aten::_foo(Tensor self, str reduce=\"mean, sum\") -> ()");
        assertEquals(0, none.returns().size());
        assertEquals(Optional.of("\"mean, sum\""), none.arguments().get(1).defaultValue());
    }
}
