package io.tsstudio.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tsstudio.engine.ArgumentInfo;
import io.tsstudio.engine.AttributeInfo;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ModelFileInfo;
import io.tsstudio.engine.ParameterInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.SubmoduleInfo;
import io.tsstudio.engine.TensorInfo;

import java.util.Arrays;
import java.util.List;

/** What {@code inspect} prints, as JSON (the exact contract) and as aligned text. */
final class InspectReport {
    private InspectReport() {
    }

    static ObjectNode json(String file, ScriptModule m) {
        ObjectNode o = JsonOut.object();
        o.put("file", file);
        o.put("format", "torchscript");
        o.put("class", m.className());
        ArrayNode methods = o.putArray("methods");
        for (MethodInfo mi : m.methods()) methods.addObject().put("name", mi.name()).put("schema", mi.schema());
        tensors(o.putArray("parameters"), m.parameterInfos());
        tensors(o.putArray("buffers"), m.bufferInfos());
        ArrayNode attributes = o.putArray("attributes");
        for (AttributeInfo a : m.attributes()) attributes.addObject().put("name", a.name()).put("type", a.type());
        ArrayNode submodules = o.putArray("submodules");
        for (SubmoduleInfo s : descendants(m)) submodules.addObject().put("name", s.name()).put("class", s.className());
        o.put("parameter_count", m.totalParameterCount());
        return o;
    }

    private static void tensors(ArrayNode into, List<ParameterInfo> infos) {
        for (ParameterInfo p : infos) {
            ObjectNode t = into.addObject();
            t.put("name", p.name());
            ArrayNode shape = t.putArray("shape");
            for (long d : p.shape()) shape.add(d);
            t.put("dtype", p.dtype().jsonName());
            t.put("requires_grad", p.requiresGrad());
        }
    }

    /** Every module below the root, by dotted name. */
    private static List<SubmoduleInfo> descendants(ScriptModule m) {
        return m.namedModules().stream().filter(s -> !s.name().isEmpty()).toList();
    }

    static ObjectNode torchSaveJson(String file, ModelFileInfo info) {
        ObjectNode o = JsonOut.object();
        o.put("file", file);
        o.put("format", "torch.save");
        ArrayNode tensors = o.putArray("tensors");
        for (TensorInfo t : info.tensors()) {
            ObjectNode e = tensors.addObject();
            e.put("name", t.name());
            ArrayNode shape = e.putArray("shape");
            t.shape().forEach(shape::add);
            if (t.dtype() == null) e.putNull("dtype");
            else e.put("dtype", t.dtype().jsonName());
        }
        return o;
    }

    static ObjectNode unknownJson(String file) {
        ObjectNode o = JsonOut.object();
        o.put("file", file);
        o.put("format", "unknown");
        return o;
    }

    static String text(String file, ScriptModule m) {
        StringBuilder sb = new StringBuilder();
        List<ParameterInfo> params = m.parameterInfos();
        sb.append(file).append(": TorchScript archive\n");
        sb.append(new TextTable()
                .row("class", m.className())
                .row("parameters", String.format("%,d", m.totalParameterCount()) + " in " + params.size() + " tensor" + (params.size() == 1 ? "" : "s"))
                .render("  "));

        TextTable methods = new TextTable();
        for (MethodInfo mi : m.methods()) methods.row(signature(mi));
        section(sb, "Methods", methods);
        section(sb, "Parameters", tensorTable(params));
        section(sb, "Buffers", tensorTable(m.bufferInfos()));
        TextTable attributes = new TextTable("NAME", "TYPE");
        for (AttributeInfo a : m.attributes()) attributes.row(a.name(), a.type());
        section(sb, "Attributes", attributes);
        TextTable submodules = new TextTable("NAME", "CLASS");
        for (SubmoduleInfo s : descendants(m)) submodules.row(s.name(), s.className());
        section(sb, "Submodules", submodules);
        return sb.toString();
    }

    /**
     * A model LibTorch cannot load because it needs operators nothing here provides: what its archive holds (read
     * from its pickles and code), and which operators it needs.
     */
    static String needsOperatorsText(String file, io.tsstudio.engine.ArchiveModel m, List<io.tsstudio.engine.ops.OperatorRef> missing) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": TorchScript archive that ").append(io.tsstudio.engine.ops.MissingOperatorException.describe(missing)).append('\n');
        sb.append("  it cannot run or be drawn here until that library is loaded (--load-library PATH)\n");
        long total = m.parameters().stream().mapToLong(ParameterInfo::numel).sum();
        sb.append(new TextTable()
                .row("class", m.className())
                .row("parameters", String.format("%,d", total) + " in " + m.parameters().size() + " tensor" + (m.parameters().size() == 1 ? "" : "s"))
                .render("  "));
        section(sb, "Parameters", tensorTable(m.parameters()));
        section(sb, "Buffers", tensorTable(m.buffers()));
        TextTable attributes = new TextTable("NAME", "TYPE");
        for (AttributeInfo a : m.attributes()) attributes.row(a.name(), a.type());
        section(sb, "Attributes", attributes);
        TextTable submodules = new TextTable("NAME", "CLASS");
        for (SubmoduleInfo s : m.modules()) submodules.row(s.name(), s.className());
        section(sb, "Submodules", submodules);
        return sb.toString();
    }

    static ObjectNode needsOperatorsJson(String file, io.tsstudio.engine.ArchiveModel m, List<io.tsstudio.engine.ops.OperatorRef> missing) {
        ObjectNode o = JsonOut.object();
        o.put("file", file);
        o.put("format", "torchscript");
        o.put("class", m.className());
        ArrayNode needs = o.putArray("needs_operators");
        for (io.tsstudio.engine.ops.OperatorRef r : missing) needs.addObject().put("operator", r.qualified()).put("library", r.library());
        tensors(o.putArray("parameters"), m.parameters());
        tensors(o.putArray("buffers"), m.buffers());
        ArrayNode subs = o.putArray("submodules");
        for (SubmoduleInfo s : m.modules()) subs.addObject().put("name", s.name()).put("class", s.className());
        return o;
    }

    private static TextTable tensorTable(List<ParameterInfo> infos) {
        TextTable t = new TextTable("NAME", "SHAPE", "DTYPE", "GRAD", "ELEMENTS");
        for (ParameterInfo p : infos) t.row(p.name(), p.shape().toString(), p.dtype(), p.requiresGrad() ? "yes" : "no", String.format("%,d", p.numel()));
        return t;
    }

    private static void section(StringBuilder sb, String title, TextTable table) {
        sb.append('\n').append(title);
        if (table.isEmpty()) {
            sb.append(": none\n");
            return;
        }
        sb.append('\n').append(table.render("  "));
    }

    /** {@code forward(x: Tensor, n: int = 1) -> Tensor}: the schema without self, as Python writes it. */
    static String signature(MethodInfo mi) {
        StringBuilder sb = new StringBuilder(mi.name()).append('(');
        List<ArgumentInfo> args = mi.arguments();
        for (int i = 0; i < args.size(); i++) {
            ArgumentInfo a = args.get(i);
            if (i > 0) sb.append(", ");
            sb.append(a.name()).append(": ").append(a.type());
            a.defaultValue().ifPresent(d -> sb.append(" = ").append(d));
        }
        return sb.append(") -> ").append(mi.returnType()).toString();
    }

    static String torchSaveText(String file, ModelFileInfo info) {
        StringBuilder sb = new StringBuilder(file).append(": ").append(info.description()).append('\n');
        TextTable t = new TextTable("NAME", "SHAPE", "DTYPE");
        for (TensorInfo ti : info.tensors()) t.row(ti.name(), ti.shape().toString(), ti.dtype() == null ? "?" : ti.dtype());
        section(sb, "Tensors", t);
        return sb.toString();
    }
}
