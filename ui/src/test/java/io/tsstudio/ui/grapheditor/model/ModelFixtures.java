package io.tsstudio.ui.grapheditor.model;

import java.util.List;

/** Documents built by commands, as a person would in the editor. */
public final class ModelFixtures {
    public static final String ADD_TENSOR = "aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor";
    public static final String FLATTEN = "aten::flatten.using_ints(Tensor(a) self, int start_dim=0, int end_dim=-1) -> Tensor(a)";
    public static final String MAX_DIM = "aten::max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)";
    public static final String SUM_DIM = "aten::sum.dim_IntList(Tensor self, int[1]? dim, bool keepdim=False, *, ScalarType? dtype=None) -> Tensor";

    private ModelFixtures() {
    }

    public static Block add(CommandStack s, Block b) {
        s.execute(Commands.addBlock(b));
        return b;
    }

    public static void connect(CommandStack s, Block from, String fromPort, Block to, String toPort) {
        s.execute(Commands.connect(new Connection(from.id(), fromPort, to.id(), toPort)));
    }

    /** x[., 4] -> Linear(4, 8) -> ReLU -> Linear(8, 3) -> out */
    public static CommandStack mlp() {
        GraphDocument doc = new GraphDocument();
        CommandStack s = new CommandStack(doc);
        Block x = add(s, Blocks.input(doc, "x", "Tensor", 0, 0));
        Block fc1 = add(s, Blocks.module(doc, "Linear", 0, 100));
        s.execute(Commands.setSetting(fc1.id(), "in_features", 4L));
        s.execute(Commands.setSetting(fc1.id(), "out_features", 8L));
        Block act = add(s, Blocks.module(doc, "ReLU", 0, 200));
        Block fc2 = add(s, Blocks.module(doc, "Linear", 0, 300));
        s.execute(Commands.setSetting(fc2.id(), "in_features", 8L));
        s.execute(Commands.setSetting(fc2.id(), "out_features", 3L));
        Block out = add(s, Blocks.output(doc, "out", 0, 400));
        connect(s, x, "value", fc1, "input");
        connect(s, fc1, "output", act, "input");
        connect(s, act, "output", fc2, "input");
        connect(s, fc2, "output", out, "value");
        return s;
    }

    /** x[N,1,8,8] -> Conv2d(1,4,3,padding=1) -> BatchNorm2d(4) -> ReLU -> MaxPool2d(2) -> flatten(op) -> Linear(64,5) -> out */
    public static CommandStack cnn() {
        GraphDocument doc = new GraphDocument();
        CommandStack s = new CommandStack(doc);
        Block x = add(s, Blocks.input(doc, "x", "Tensor", 0, 0));
        Block conv = add(s, Blocks.module(doc, "Conv2d", 0, 100));
        s.execute(Commands.setSetting(conv.id(), "in_channels", 1L));
        s.execute(Commands.setSetting(conv.id(), "out_channels", 4L));
        s.execute(Commands.setSetting(conv.id(), "padding", 1L));
        Block bn = add(s, Blocks.module(doc, "BatchNorm2d", 0, 200));
        s.execute(Commands.setSetting(bn.id(), "num_features", 4L));
        Block act = add(s, Blocks.module(doc, "ReLU", 0, 300));
        Block pool = add(s, Blocks.module(doc, "MaxPool2d", 0, 400));
        Block flat = add(s, Blocks.operator(doc, FLATTEN, 0, 500));
        s.execute(Commands.setSetting(flat.id(), "start_dim", 1L));
        Block fc = add(s, Blocks.module(doc, "Linear", 0, 600));
        s.execute(Commands.setSetting(fc.id(), "in_features", 64L));
        s.execute(Commands.setSetting(fc.id(), "out_features", 5L));
        Block out = add(s, Blocks.output(doc, "out", 0, 700));
        connect(s, x, "value", conv, "input");
        connect(s, conv, "output", bn, "input");
        connect(s, bn, "output", act, "input");
        connect(s, act, "output", pool, "input");
        connect(s, pool, "output", flat, "self");
        connect(s, flat, "out", fc, "input");
        connect(s, fc, "output", out, "value");
        return s;
    }

    public static List<String> names(GraphDocument doc) {
        return doc.blocks().stream().map(Block::name).toList();
    }
}
