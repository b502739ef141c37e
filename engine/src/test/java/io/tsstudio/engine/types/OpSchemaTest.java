package io.tsstudio.engine.types;

import io.tsstudio.engine.Ops;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's schemas, as LibTorch describes them, read the same through the one schema and type parser. */
class OpSchemaTest {
    @Test
    void everyRegistrySchemaParsesToTheSameNamesAndTypes() {
        List<OpSchema> all = Ops.all();
        assertTrue(all.size() > 1000, "registry size " + all.size());
        List<String> disagreements = new ArrayList<>();
        for (OpSchema s : all) {
            try {
                ParsedSchema p = s.parsed();
                if (!p.name().equals(s.name()) || !p.overload().equals(s.overload())) disagreements.add(s + ": name");
                List<String> names = p.arguments().stream().map(ParsedSchema.Argument::name).toList();
                if (!names.equals(s.arguments().stream().map(OpArgument::name).toList())) disagreements.add(s + ": arguments " + names);
                for (OpArgument a : s.arguments()) a.typeRef();
            } catch (IllegalArgumentException e) {
                disagreements.add(s + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), disagreements.subList(0, Math.min(10, disagreements.size())), disagreements.size() + " disagree");
    }

    @Test
    void schemaSpellingsOfTuplesAndDictsKeepTheirElementTypes() {
        // aten::items.str(Dict(str, t) self) -> (str, t)[] was refused before, and Dict(...) lost its key and value
        TypeRef items = TypeRef.parse("(str, t)[]");
        assertEquals("List", items.name());
        assertEquals(TypeRef.parse("Tuple[str, t]"), items.args().get(0));
        assertEquals(TypeRef.parse("Dict[str, Tensor]"), TypeRef.parse("Dict(str, Tensor)"));
        assertEquals(TypeRef.parse("Tensor"), TypeRef.parse("Tensor(a!)"));
    }
}
