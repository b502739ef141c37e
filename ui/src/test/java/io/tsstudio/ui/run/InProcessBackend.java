package io.tsstudio.ui.run;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.Torch;
import io.tsstudio.engine.run.CancelToken;
import io.tsstudio.engine.run.ModelSession;
import io.tsstudio.engine.run.RunListener;
import io.tsstudio.engine.run.ProposedInput;
import io.tsstudio.engine.run.RunOutcome;
import io.tsstudio.engine.run.RunRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The run panel's backend in this process, over the real engine: what the view model tests run against (the app
 * uses the worker process instead). A cancel abandons the call in flight, which is fine for the finite models here.
 */
public final class InProcessBackend implements RunBackend, AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "in-process-run");
        t.setDaemon(true);
        return t;
    });
    private final ModelSession session = new ModelSession();
    private final AtomicReference<CancelToken> current = new AtomicReference<>(new CancelToken());

    @Override
    public CompletableFuture<DeviceList> devices() {
        return CompletableFuture.supplyAsync(() -> new DeviceList(Torch.devices().stream().map(Device::toString).toList(), Torch.cudaAvailable()), thread);
    }

    @Override
    public CompletableFuture<List<MethodInfo>> load(Path model, String device) {
        return async(() -> session.load(model, Device.parse(device)));
    }

    @Override
    public CompletableFuture<List<ProposedInput>> propose(String method) {
        return async(() -> session.propose(method));
    }

    @Override
    public CompletableFuture<RunOutcome> run(RunRequest request, RunListener progress) {
        CancelToken token = new CancelToken();
        current.set(token);
        CompletableFuture<RunOutcome> f = async(() -> session.run(request, progress, token));
        token.onCancel(() -> f.cancel(false));
        return f;
    }

    @Override
    public CompletableFuture<Void> saveOutput(List<Integer> path, Path file) {
        return async(() -> {
            session.saveOutput(path, file);
            return null;
        });
    }

    @Override
    public void cancel() {
        current.get().cancel();
    }

    private interface Work<T> {
        T get() throws Exception;
    }

    private <T> CompletableFuture<T> async(Work<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public void close() {
        thread.execute(session::close);
        thread.shutdown();
    }
}
