package io.tsstudio.ui.grapheditor.script;

import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Tensor;
import io.tsstudio.engine.Tensors;
import io.tsstudio.ui.grapheditor.model.ParamSpec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The tensors behind a document's nn blocks, kept across rebuilds: a block whose parameter keeps its shape keeps its
 * values when settings elsewhere change or the code is regenerated. Fresh parameters get PyTorch's default
 * initialisation from a seed derived from the block id, so the same document always starts from the same weights.
 * Modules kept from an imported model are held whole (their code and weights stay as they were). Close it when the
 * document goes away.
 */
public final class ModelWeights implements AutoCloseable {
    private final Map<String, Map<String, Tensor>> tensors = new HashMap<>();
    private final Map<String, ScriptModule> kept = new HashMap<>();

    /** The tensor for a block's parameter: the existing one if its shape still fits, else a freshly initialised one. */
    public Tensor tensorFor(String blockId, ParamSpec spec) {
        Map<String, Tensor> m = tensors.computeIfAbsent(blockId, k -> new LinkedHashMap<>());
        Tensor t = m.get(spec.name());
        if (t != null && !t.isClosed() && Arrays.equals(t.shape(), spec.shape())) return t;
        if (t != null) t.close();
        Tensor fresh = initialise(blockId, spec);
        m.put(spec.name(), fresh);
        return fresh;
    }

    /** Sets a block's parameter values (from an imported or reopened model); takes ownership of {@code t}. */
    public void put(String blockId, String name, Tensor t) {
        Tensor old = tensors.computeIfAbsent(blockId, k -> new LinkedHashMap<>()).put(name, t);
        if (old != null && old != t) old.close();
    }

    public Map<String, Tensor> of(String blockId) {
        return tensors.getOrDefault(blockId, Map.of());
    }

    /** Keeps a whole submodule (code and weights) for a block; takes ownership. */
    public void keep(String blockId, ScriptModule module) {
        ScriptModule old = kept.put(blockId, module);
        if (old != null && old != module) old.close();
    }

    public ScriptModule kept(String blockId) {
        return kept.get(blockId);
    }

    private static Tensor initialise(String blockId, ParamSpec spec) {
        Random r = new Random(blockId.hashCode() * 31L + spec.name().hashCode());
        int n = Math.toIntExact(spec.numel());
        float[] v = new float[n];
        switch (spec.init()) {
            case ZEROS -> {
            }
            case ONES -> Arrays.fill(v, 1f);
            case NORMAL -> {
                for (int i = 0; i < n; i++) v[i] = (float) r.nextGaussian();
            }
            case UNIFORM_FAN_IN -> {
                double bound = 1 / Math.sqrt(Math.max(1, spec.fanIn()));
                for (int i = 0; i < n; i++) v[i] = (float) ((r.nextDouble() * 2 - 1) * bound);
            }
        }
        return Tensors.of(v, spec.shape());
    }

    @Override
    public void close() {
        for (Map<String, Tensor> m : tensors.values()) for (Tensor t : m.values()) t.close();
        tensors.clear();
        for (ScriptModule m : kept.values()) m.close();
        kept.clear();
    }
}
