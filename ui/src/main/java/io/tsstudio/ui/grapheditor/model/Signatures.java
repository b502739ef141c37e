package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;
import io.tsstudio.engine.types.ParsedSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Computes a block's ports. Parsed schemas are cached: the palette and large documents reuse a few thousand. */
public final class Signatures {
    private static final Map<String, ParsedSchema> SCHEMAS = new ConcurrentHashMap<>();
    // ports depend only on kind, type and schema (never on settings), and the canvas asks for them on every frame
    private static final Map<String, BlockSignature> SIGNATURES = new ConcurrentHashMap<>();

    private Signatures() {
    }

    public static ParsedSchema schema(String text) {
        return SCHEMAS.computeIfAbsent(text, ParsedSchema::parse);
    }

    public static BlockSignature of(Block b) {
        String key = b.kind().ordinal() + "\u0000" + b.type() + "\u0000" + b.schema();
        BlockSignature cached = SIGNATURES.get(key);
        if (cached != null) return cached;
        BlockSignature s = compute(b);
        if (SIGNATURES.size() < 50_000) SIGNATURES.put(key, s);
        return s;
    }

    private static BlockSignature compute(Block b) {
        return switch (b.kind()) {
            case INPUT -> new BlockSignature(List.of(), List.of(PortSpec.required("value", TypeRef.parse(b.type()))));
            case OUTPUT -> new BlockSignature(List.of(PortSpec.required("value", TypeRef.parse(b.type()))), List.of());
            case CONSTANT -> new BlockSignature(List.of(), List.of(PortSpec.required("value", TypeRef.parse(b.type()))));
            case MODULE -> moduleSignature(b);
            case OPERATOR -> operatorSignature(schema(b.schema()));
        };
    }

    private static BlockSignature moduleSignature(Block b) {
        Optional<NnModuleSpec> spec = NnModules.find(b.type());
        if (spec.isPresent()) return new BlockSignature(spec.get().inputs(), spec.get().outputs());
        // a module kept from an imported model: ports come from its forward schema, self dropped
        if (b.schema().isEmpty()) return new BlockSignature(List.of(PortSpec.required("input", TypeRef.ANY)), List.of(PortSpec.required("output", TypeRef.ANY)));
        ParsedSchema s = schema(b.schema());
        List<PortSpec> in = new ArrayList<>();
        for (ParsedSchema.Argument a : s.arguments()) if (!a.name().equals("self")) in.add(new PortSpec(a.name(), a.type(), a.defaultValue(), a.kwargOnly()));
        List<PortSpec> out = new ArrayList<>();
        for (ParsedSchema.Argument r : s.returns()) out.add(PortSpec.required(r.name(), r.type()));
        return new BlockSignature(in, out);
    }

    public static BlockSignature operatorSignature(ParsedSchema s) {
        List<PortSpec> in = new ArrayList<>();
        for (ParsedSchema.Argument a : s.arguments()) in.add(new PortSpec(a.name(), a.type(), a.defaultValue(), a.kwargOnly()));
        List<PortSpec> out = new ArrayList<>();
        for (ParsedSchema.Argument r : s.returns()) out.add(PortSpec.required(r.name(), r.type()));
        return new BlockSignature(in, out);
    }
}
