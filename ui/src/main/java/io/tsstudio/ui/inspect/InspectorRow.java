package io.tsstudio.ui.inspect;

import io.tsstudio.ui.status.MemoryReport;

/** One row of the inspector tree: a module, a group heading, a tensor, an attribute or a method. */
public record InspectorRow(Kind kind, String name, String type, String shape, String dtype, String device, String elements,
                           String size, TensorEntry tensor, ModuleEntry module) {
    public enum Kind { MODULE, GROUP, PARAMETER, BUFFER, STATE, ATTRIBUTE, METHOD }

    static InspectorRow module(ModuleEntry m) {
        String name = m.path().isEmpty() ? m.shortClassName() : m.name() + " : " + m.shortClassName();
        long params = m.totalParameterCount();
        return new InspectorRow(Kind.MODULE, name, m.className(), "", "", "", params == 0 ? "" : String.format("%,d", params),
                params == 0 ? "" : MemoryReport.bytes(m.totalParameterBytes()), null, m);
    }

    static InspectorRow group(String title, int count) {
        return new InspectorRow(Kind.GROUP, title + " (" + count + ")", "", "", "", "", "", "", null, null);
    }

    static InspectorRow tensor(TensorEntry t, boolean fullName) {
        Kind k = switch (t.role()) {
            case PARAMETER -> Kind.PARAMETER;
            case BUFFER -> Kind.BUFFER;
            case STATE -> Kind.STATE;
        };
        return new InspectorRow(k, fullName ? t.name() : t.localName(), "Tensor", t.shapeText(), t.dtype(), t.device(),
                String.format("%,d", t.numel()), MemoryReport.bytes(t.bytes()), t, null);
    }

    static InspectorRow attribute(AttributeEntry a) {
        return new InspectorRow(Kind.ATTRIBUTE, a.name() + " = " + a.value(), a.type(), "", "", "", "", "", null, null);
    }

    static InspectorRow method(MethodEntry m) {
        return new InspectorRow(Kind.METHOD, m.name(), m.schema(), "", "", "", "", "", null, null);
    }
}
