package io.tsstudio.engine.observe;

/**
 * One submodule over the whole observed run.
 *
 * @param path      submodule path as PyTorch names it; the root is {@code ""}
 * @param className the module's TorchScript class ({@code __torch__.torchvision.models.resnet.BasicBlock})
 * @param calls     every call of any of its methods from another module's graph ({@code prim::CallMethod}; a module
 *                  calling its own method is not a call, as for PyTorch's forward hooks), the root's one included
 * @param selfNanos total time minus the time of the submodule calls made inside it
 * @param output    what its first call returned
 * @param opaque    true when a call was run whole rather than node by node
 */
public record ModuleRecord(String path, String className, long calls, long totalNanos, long selfNanos,
                           ObservedValue output, boolean opaque) {
}
