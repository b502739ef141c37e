package io.tsstudio.ui.run;

import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where the run panel's runs happen. The app wires in the worker process client; anything that really runs the
 * model will do for tests. Futures may complete on any thread. A cancel ends the current request at once, with a
 * {@link java.util.concurrent.CancellationException}, and leaves the backend able to serve the next one.
 */
public interface RunBackend {
    /** Devices LibTorch can use here: {@code cpu}, then {@code cuda:N}. */
    CompletableFuture<DeviceList> devices();

    /** Loads {@code model} onto {@code device} (replacing any model loaded before) and lists its methods. */
    CompletableFuture<List<MethodInfo>> load(Path model, String device);

    /** Arguments {@code method} of the loaded model will likely accept, each saying where it came from. */
    CompletableFuture<List<ProposedInput>> propose(String method);

    CompletableFuture<RunOutcome> run(RunRequest request, RunListener progress);

    /**
     * Saves the last run's output, or the part of it at {@code path} (child indices in the output tree), to
     * {@code file}: {@code .pt} as {@code torch.save} writes it, {@code .npy} for a single tensor.
     */
    CompletableFuture<Void> saveOutput(List<Integer> path, Path file);

    void cancel();

    /** Observed and stepped runs, where this backend can do them. */
    default java.util.Optional<io.tsstudio.ui.observe.ObserveBackend> observer() {
        return java.util.Optional.empty();
    }

    /** The devices, and whether this LibTorch build could use a GPU at all. */
    record DeviceList(List<String> devices, boolean gpuBuild) {
        public DeviceList {
            devices = List.copyOf(devices);
        }
    }
}
