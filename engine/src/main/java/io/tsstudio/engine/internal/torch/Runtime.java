package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.Device;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.pytorch.global.torch;

import java.util.ArrayList;
import java.util.List;

/** Process-wide LibTorch facts and settings. */
public final class Runtime {
    private static final String LIBTORCH_VERSION = "2.10.0";
    private static volatile boolean loaded;

    private Runtime() {
    }

    /** Loads the natives once; cheap after the first call. */
    public static void ensureLoaded() {
        // Loader.load is not cheap even when loaded (measured ~0.7 ms, tens of ms under load): once is enough.
        if (!loaded) {
            synchronized (Runtime.class) {
                if (!loaded) {
                    Loader.load(torch.class);
                    loaded = true;
                }
            }
        }
    }

    public static String libtorchVersion() {
        return LIBTORCH_VERSION;
    }

    public static String buildConfig() {
        ensureLoaded();
        return torch.show_config().getString();
    }

    public static boolean cudaAvailable() {
        ensureLoaded();
        try {
            return torch.cuda_is_available();
        } catch (Throwable t) {
            return false;
        }
    }

    public static List<Device> devices() {
        List<Device> out = new ArrayList<>();
        out.add(Device.CPU);
        if (cudaAvailable()) {
            int n = torch.cuda_device_count();
            for (int i = 0; i < n; i++) out.add(Device.cuda(i));
        }
        return out;
    }

    public static void setThreads(int intraOp, int interOp) {
        ensureLoaded();
        if (intraOp > 0) torch.set_num_threads(intraOp);
        if (interOp > 0) torch.set_num_interop_threads(interOp);
    }

    public static int intraOpThreads() {
        ensureLoaded();
        return torch.get_num_threads();
    }

    public static int interOpThreads() {
        ensureLoaded();
        return (int) torch.get_num_interop_threads();
    }
}
