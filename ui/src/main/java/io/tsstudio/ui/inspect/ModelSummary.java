package io.tsstudio.ui.inspect;

import java.util.List;

/**
 * What the inspector shows for one opened file: a TorchScript module tree, or (for a torch.save archive) a flat list
 * of state tensors. Plain values, built from the engine on a worker thread.
 */
public record ModelSummary(String fileName, Format format, String description, ModuleEntry root, List<TensorEntry> stateTensors) {
    public enum Format { TORCHSCRIPT, TORCH_SAVE }

    public ModelSummary {
        stateTensors = List.copyOf(stateTensors);
    }

    public boolean isStateDict() {
        return format == Format.TORCH_SAVE;
    }

    public long parameterCount() {
        return root == null ? stateTensors.stream().mapToLong(TensorEntry::numel).sum() : root.totalParameterCount();
    }

    public long parameterBytes() {
        return root == null ? stateTensors.stream().mapToLong(TensorEntry::bytes).sum() : root.totalParameterBytes();
    }

    /** {@code 4 modules · 101,770 parameters (397.5 KB) · buffers 0 B}. */
    public String totalsText() {
        if (root == null) {
            return String.format("%d tensors \u00b7 %,d elements (%s)", stateTensors.size(), parameterCount(),
                    io.tsstudio.ui.status.MemoryReport.bytes(parameterBytes()));
        }
        return String.format("%d module%s \u00b7 %,d parameters (%s) \u00b7 buffers %s", root.moduleCount(),
                root.moduleCount() == 1 ? "" : "s", parameterCount(),
                io.tsstudio.ui.status.MemoryReport.bytes(parameterBytes()),
                io.tsstudio.ui.status.MemoryReport.bytes(root.totalBufferBytes()));
    }
}
