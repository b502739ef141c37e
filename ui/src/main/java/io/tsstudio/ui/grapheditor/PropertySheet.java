package io.tsstudio.ui.grapheditor;

import io.tsstudio.engine.types.TypeRef;
import io.tsstudio.ui.grapheditor.model.Block;
import io.tsstudio.ui.grapheditor.model.BlockKind;
import io.tsstudio.ui.grapheditor.model.Commands;
import io.tsstudio.ui.grapheditor.model.DocumentCommand;
import io.tsstudio.ui.grapheditor.model.GraphDocument;
import io.tsstudio.ui.grapheditor.model.Literals;
import io.tsstudio.ui.grapheditor.model.NnModuleSpec;
import io.tsstudio.ui.grapheditor.model.NnModules;
import io.tsstudio.ui.grapheditor.model.PortSpec;
import io.tsstudio.ui.grapheditor.model.SettingSpec;
import io.tsstudio.ui.grapheditor.model.Signatures;
import io.tsstudio.ui.grapheditor.script.ExampleInputs;

import java.util.ArrayList;
import java.util.List;

/**
 * The properties pane's model for one block: the rows it shows, and the edit that typed text becomes (literals
 * parsed against the setting's or port's type). Plain Java over the document; the view model runs the edits.
 */
final class PropertySheet {
    private final GraphDocument doc;

    PropertySheet(GraphDocument doc) {
        this.doc = doc;
    }

    List<PropertyRow> rows(Block b) {
        List<PropertyRow> rows = new ArrayList<>();
        rows.add(new PropertyRow("name", "identifier", b.name(), true, ""));
        switch (b.kind()) {
            case INPUT -> {
                rows.add(new PropertyRow("type", "type", b.type(), true, "Tensor, int, float, List[int], ..."));
                rows.add(new PropertyRow(ExampleInputs.SETTING, b.type().equals("Tensor") ? "shape" : b.type(),
                        Literals.render(ExampleInputs.exampleOf(doc, b)), true, "example used to run and trace"));
            }
            case OUTPUT -> rows.add(new PropertyRow("type", "type", b.type(), true, "Tensor, int, float, List[int], ..."));
            case CONSTANT -> rows.add(new PropertyRow("value", b.type(), Literals.render(b.setting("value")), true, "a literal: 3, 0.5, True, [1, 2], \"text\""));
            case MODULE -> {
                NnModuleSpec spec = NnModules.find(b.type()).orElse(null);
                if (spec != null) {
                    for (SettingSpec s : spec.settings()) {
                        Object v = b.settings().containsKey(s.name()) ? b.setting(s.name()) : s.defaultValue();
                        rows.add(new PropertyRow(s.name(), s.type().toString(), Literals.render(v), true, "default " + Literals.render(s.defaultValue())));
                    }
                } else {
                    rows.add(new PropertyRow("module", "class", b.type(), false, "kept from the imported model with its weights"));
                }
            }
            case OPERATOR -> {
                for (PortSpec p : Signatures.of(b).inputs()) {
                    boolean connected = doc.inputConnection(b.id(), p.name()).isPresent();
                    if (connected) {
                        rows.add(new PropertyRow(p.name(), p.type().toString(), "", false, "connected"));
                    } else if (Literals.isTypable(p.type())) {
                        String text = b.settings().containsKey(p.name()) ? Literals.render(b.setting(p.name())) : "";
                        rows.add(new PropertyRow(p.name(), p.type().toString(), text, true, p.defaultValue().map(d -> "default " + d).orElse("required")));
                    } else {
                        rows.add(new PropertyRow(p.name(), p.type().toString(), "", false, p.hasDefault() ? "default " + p.defaultValue().get() : "connect a " + p.type()));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The edit that {@code text} typed for {@code key} becomes; null when it changes nothing. Empty text resets to the
     * default. Bad text throws an {@link IllegalArgumentException} that says what is wrong.
     */
    DocumentCommand command(Block b, String key, String text) {
        if (key.equals("name")) return text.equals(b.name()) ? null : Commands.rename(b.id(), text);
        if (key.equals("type") && (b.kind() == BlockKind.INPUT || b.kind() == BlockKind.OUTPUT)) {
            return TypeRef.parse(text).toString().equals(b.type()) ? null : Commands.setType(b.id(), text);
        }
        switch (b.kind()) {
            case CONSTANT -> {
                return Commands.setSetting(b.id(), "value", Literals.parseAny(text));
            }
            case INPUT -> {
                if (!key.equals(ExampleInputs.SETTING)) throw new IllegalArgumentException("an input has no property '" + key + "'");
                if (text.isEmpty()) return b.settings().containsKey(key) ? Commands.clearSetting(b.id(), key) : null;
                TypeRef t = b.type().equals("Tensor") ? TypeRef.listOf(TypeRef.INT) : TypeRef.parse(b.type());
                return Commands.setSetting(b.id(), key, Literals.parse(text, t));
            }
            case MODULE -> {
                SettingSpec s = NnModules.get(b.type()).settings().stream().filter(x -> x.name().equals(key)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(b.type() + " has no setting '" + key + "'"));
                if (text.isEmpty()) return Commands.clearSetting(b.id(), key);
                return Commands.setSetting(b.id(), key, Literals.parse(text, s.type()));
            }
            case OPERATOR -> {
                PortSpec p = Signatures.of(b).input(key).orElseThrow(() -> new IllegalArgumentException(b.type() + " has no input '" + key + "'"));
                if (text.isEmpty()) return b.settings().containsKey(key) ? Commands.clearSetting(b.id(), key) : null;
                return Commands.setSetting(b.id(), key, Literals.parse(text, p.type()));
            }
            default -> throw new IllegalArgumentException(b.name() + " has no property '" + key + "'");
        }
    }
}
