package io.tsstudio.app.cli;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.ir.IrDot;
import io.tsstudio.engine.ir.IrGraph;
import io.tsstudio.engine.ir.IrGraphs;
import io.tsstudio.engine.ir.IrJson;
import io.tsstudio.ui.graph.model.GraphOptions;
import io.tsstudio.ui.graph.render.GraphSvg;
import io.tsstudio.ui.graph.model.ModuleGraphs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code tsstudio graph FILE [--method NAME] [--format text|json|dot|svg]}. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Print a method's TorchScript graph, not inlined: submodule calls stay calls.",
                "text is LibTorch's own print; json and dot are the studio's IR model;",
                "svg is the picture the studio's graph view draws."})
final class GraphCommand extends ModelCommand {
    enum Format { text, json, dot, svg }

    @Mixin
    ModelFile file = new ModelFile();

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "forward", description = "method (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--fold-constants", description = "fold prim::Constant nodes into the nodes that use them (json, dot)")
    boolean foldConstants;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "0", description = "svg: open submodule calls N levels deep (default: ${DEFAULT-VALUE})")
    int depth;

    @Override
    int run(PrintWriter out) {
        if (depth < 0) throw new UserError("--depth must be 0 or more, not " + depth);
        try (ScriptModule m = file.load(Device.CPU)) {
            file.method(m, method);
            if (format == Format.text) {
                out.print(m.graphText(method));
                return 0;
            }
            IrGraph g = m.graph(method);
            if (format == Format.svg) {
                // the picture the studio's graph view draws, with submodule calls opened --depth levels down
                out.print(GraphSvg.render(g, ModuleGraphs.loader(m), GraphOptions.defaults(), depth));
                return 0;
            }
            if (foldConstants) g = IrGraphs.constantsFolded(g);
            out.print(format == Format.json ? IrJson.write(g) + "\n" : IrDot.write(g));
        }
        return 0;
    }
}
