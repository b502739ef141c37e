package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;
import io.tsstudio.engine.types.ParsedSchema;

import java.util.LinkedHashMap;
import java.util.Map;

/** Makes new blocks for a document: fresh id, a free name, default settings. The caller adds them with a command. */
public final class Blocks {
    private Blocks() {
    }

    public static Block module(GraphDocument doc, String type, double x, double y) {
        NnModuleSpec spec = NnModules.get(type);
        Map<String, Object> settings = new LinkedHashMap<>();
        for (SettingSpec s : spec.settings()) settings.put(s.name(), s.defaultValue());
        return new Block(doc.newId(), BlockKind.MODULE, type, doc.uniqueName(type.toLowerCase(java.util.Locale.ROOT)), settings, "", x, y);
    }

    /** An operator block from its schema text, as the registry gives it. */
    public static Block operator(GraphDocument doc, String schemaText, double x, double y) {
        ParsedSchema s = Signatures.schema(schemaText);
        return new Block(doc.newId(), BlockKind.OPERATOR, s.qualifiedOverload(), doc.uniqueName(s.shortName()), Map.of(), s.text(), x, y);
    }

    public static Block input(GraphDocument doc, String name, String type, double x, double y) {
        return new Block(doc.newId(), BlockKind.INPUT, TypeRef.parse(type).toString(), doc.uniqueName(name), Map.of(), "", x, y);
    }

    public static Block output(GraphDocument doc, String name, double x, double y) {
        return new Block(doc.newId(), BlockKind.OUTPUT, "Any", doc.uniqueName(name), Map.of(), "", x, y);
    }

    public static Block constant(GraphDocument doc, Object value, double x, double y) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("value", value);
        return new Block(doc.newId(), BlockKind.CONSTANT, Literals.typeOf(value).toString(), doc.uniqueName("c"), settings, "", x, y);
    }
}
