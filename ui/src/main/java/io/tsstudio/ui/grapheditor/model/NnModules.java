package io.tsstudio.ui.grapheditor.model;

import io.tsstudio.engine.types.TypeRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static io.tsstudio.ui.grapheditor.model.OpCall.INPUT;
import static io.tsstudio.ui.grapheditor.model.OpCall.TRAINING;
import static io.tsstudio.ui.grapheditor.model.ParamSpec.Init.NORMAL;
import static io.tsstudio.ui.grapheditor.model.ParamSpec.Init.ONES;
import static io.tsstudio.ui.grapheditor.model.ParamSpec.Init.UNIFORM_FAN_IN;
import static io.tsstudio.ui.grapheditor.model.ParamSpec.Init.ZEROS;

/**
 * The nn modules the editor offers, mirroring {@code torch.nn} names and settings. Their submodule forwards call the
 * same aten operators PyTorch's modules call, so a generated model matches hand-written TorchScript exactly.
 */
public final class NnModules {
    private static final Map<String, NnModuleSpec> SPECS = new LinkedHashMap<>();

    static {
        add("Linear", "Linear", List.of(intSetting("in_features", 16), intSetting("out_features", 16), boolSetting("bias", true)),
                s -> withBias(s, new ParamSpec("weight", new long[] {s.integer("out_features"), s.integer("in_features")}, false,
                        UNIFORM_FAN_IN, s.integer("in_features")), s.integer("out_features"), s.integer("in_features")),
                s -> OpCall.of("aten::linear", INPUT, P("weight"), bias(s)));
        add("Conv1d", "Convolution", convSettings(), s -> convParams(s, 1),
                s -> OpCall.of("aten::conv1d", INPUT, P("weight"), bias(s), List.of(s.integer("stride")), List.of(s.integer("padding")),
                        List.of(s.integer("dilation")), s.integer("groups")));
        add("Conv2d", "Convolution", convSettings(), s -> convParams(s, 2),
                s -> OpCall.of("aten::conv2d", INPUT, P("weight"), bias(s), pair(s, "stride"), pair(s, "padding"), pair(s, "dilation"),
                        s.integer("groups")));
        for (String bn : List.of("BatchNorm1d", "BatchNorm2d")) {
            add(bn, "Normalization", List.of(intSetting("num_features", 16), floatSetting("eps", 1e-5), floatSetting("momentum", 0.1)),
                    s -> List.of(new ParamSpec("weight", new long[] {s.integer("num_features")}, false, ONES, 0),
                            new ParamSpec("bias", new long[] {s.integer("num_features")}, false, ZEROS, 0),
                            new ParamSpec("running_mean", new long[] {s.integer("num_features")}, true, ZEROS, 0),
                            new ParamSpec("running_var", new long[] {s.integer("num_features")}, true, ONES, 0)),
                    s -> OpCall.of("aten::batch_norm", INPUT, P("weight"), P("bias"), P("running_mean"), P("running_var"), TRAINING,
                            s.real("momentum"), s.real("eps"), false));
        }
        add("LayerNorm", "Normalization", List.of(intSetting("normalized_shape", 16), floatSetting("eps", 1e-5)),
                s -> List.of(new ParamSpec("weight", new long[] {s.integer("normalized_shape")}, false, ONES, 0),
                        new ParamSpec("bias", new long[] {s.integer("normalized_shape")}, false, ZEROS, 0)),
                s -> OpCall.of("aten::layer_norm", INPUT, List.of(s.integer("normalized_shape")), P("weight"), P("bias"), s.real("eps")));
        add("Dropout", "Regularization", List.of(floatSetting("p", 0.5)), s -> List.of(),
                s -> OpCall.of("aten::dropout", INPUT, s.real("p"), TRAINING));
        add("Embedding", "Sparse", List.of(intSetting("num_embeddings", 100), intSetting("embedding_dim", 16)),
                s -> List.of(new ParamSpec("weight", new long[] {s.integer("num_embeddings"), s.integer("embedding_dim")}, false, NORMAL, 0)),
                s -> OpCall.of("aten::embedding", P("weight"), INPUT));
        simple("ReLU", "aten::relu");
        simple("GELU", "aten::gelu");
        simple("SiLU", "aten::silu");
        simple("Sigmoid", "aten::sigmoid");
        simple("Tanh", "aten::tanh");
        add("LeakyReLU", "Activation", List.of(floatSetting("negative_slope", 0.01)), s -> List.of(),
                s -> OpCall.of("aten::leaky_relu", INPUT, s.real("negative_slope")));
        add("Softmax", "Activation", List.of(intSetting("dim", -1)), s -> List.of(), s -> OpCall.of("aten::softmax", INPUT, s.integer("dim")));
        add("LogSoftmax", "Activation", List.of(intSetting("dim", -1)), s -> List.of(),
                s -> OpCall.of("aten::log_softmax", INPUT, s.integer("dim")));
        add("MaxPool2d", "Pooling", List.of(intSetting("kernel_size", 2), intSetting("stride", 2), intSetting("padding", 0)),
                s -> List.of(), s -> OpCall.of("aten::max_pool2d", INPUT, pair(s, "kernel_size"), pair(s, "stride"), pair(s, "padding")));
        add("AvgPool2d", "Pooling", List.of(intSetting("kernel_size", 2), intSetting("stride", 2), intSetting("padding", 0)),
                s -> List.of(), s -> OpCall.of("aten::avg_pool2d", INPUT, pair(s, "kernel_size"), pair(s, "stride"), pair(s, "padding")));
        add("AdaptiveAvgPool2d", "Pooling", List.of(intSetting("output_size", 1)), s -> List.of(),
                s -> OpCall.of("aten::adaptive_avg_pool2d", INPUT, pair(s, "output_size")));
        add("Flatten", "Shape", List.of(intSetting("start_dim", 1), intSetting("end_dim", -1)), s -> List.of(),
                s -> OpCall.of("aten::flatten", INPUT, s.integer("start_dim"), s.integer("end_dim")));
        add("Identity", "Shape", List.of(), s -> List.of(), s -> OpCall.identity());
    }

    private NnModules() {
    }

    public static List<NnModuleSpec> all() {
        return Collections.unmodifiableList(new ArrayList<>(SPECS.values()));
    }

    public static Optional<NnModuleSpec> find(String type) {
        return Optional.ofNullable(SPECS.get(type));
    }

    public static NnModuleSpec get(String type) {
        return find(type).orElseThrow(() -> new IllegalArgumentException("unknown nn module '" + type + "'; known: " + SPECS.keySet()));
    }

    private static void add(String type, String category, List<SettingSpec> settings, Function<BlockSettings, List<ParamSpec>> params,
                            Function<BlockSettings, OpCall> body) {
        SPECS.put(type, new NnModuleSpec(type, category, settings, params, body));
    }

    private static void simple(String type, String op) {
        add(type, "Activation", List.of(), s -> List.of(), s -> OpCall.of(op, INPUT));
    }

    private static OpCall.Param P(String name) {
        return new OpCall.Param(name);
    }

    private static Object bias(BlockSettings s) {
        return s.flag("bias") ? P("bias") : null;
    }

    private static SettingSpec intSetting(String name, long dflt) {
        return new SettingSpec(name, TypeRef.INT, dflt);
    }

    private static SettingSpec floatSetting(String name, double dflt) {
        return new SettingSpec(name, TypeRef.FLOAT, dflt);
    }

    private static SettingSpec boolSetting(String name, boolean dflt) {
        return new SettingSpec(name, TypeRef.BOOL, dflt);
    }

    private static List<SettingSpec> convSettings() {
        return List.of(intSetting("in_channels", 3), intSetting("out_channels", 8), intSetting("kernel_size", 3), intSetting("stride", 1),
                intSetting("padding", 0), intSetting("dilation", 1), intSetting("groups", 1), boolSetting("bias", true));
    }

    private static List<ParamSpec> convParams(BlockSettings s, int dims) {
        long out = s.integer("out_channels"), in = s.integer("in_channels"), k = s.integer("kernel_size"), g = s.integer("groups");
        if (g <= 0 || in % g != 0 || out % g != 0) {
            throw new IllegalArgumentException("groups=" + g + " must divide in_channels=" + in + " and out_channels=" + out);
        }
        long[] shape = dims == 1 ? new long[] {out, in / g, k} : new long[] {out, in / g, k, k};
        long fanIn = (in / g) * (dims == 1 ? k : k * k);
        return withBias(s, new ParamSpec("weight", shape, false, UNIFORM_FAN_IN, fanIn), out, fanIn);
    }

    private static List<ParamSpec> withBias(BlockSettings s, ParamSpec weight, long biasSize, long fanIn) {
        if (!s.flag("bias")) return List.of(weight);
        return List.of(weight, new ParamSpec("bias", new long[] {biasSize}, false, UNIFORM_FAN_IN, fanIn));
    }

    private static List<Long> pair(BlockSettings s, String name) {
        long v = s.integer(name);
        return List.of(v, v);
    }
}
