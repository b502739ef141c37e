package io.tsstudio.engine;

import io.tsstudio.engine.internal.torch.GradMode;
import io.tsstudio.engine.internal.torch.Runtime;

import java.util.List;

/** LibTorch as a whole: version, devices, threads, the random generator's seed. */
public final class Torch {
    private Torch() {
    }

    public static String version() {
        return Runtime.libtorchVersion();
    }

    /** cpu, then cuda:N for each GPU LibTorch can see (only with the GPU build). */
    public static List<Device> devices() {
        return Runtime.devices();
    }

    public static boolean cudaAvailable() {
        return Runtime.cudaAvailable();
    }

    public static String buildConfig() {
        return Runtime.buildConfig();
    }

    /** Sets intra-op and inter-op thread counts (0 keeps the current value). Inter-op can be set once, before any work. */
    public static void setThreads(int intraOp, int interOp) {
        Runtime.setThreads(intraOp, interOp);
    }

    public static int intraOpThreads() {
        return Runtime.intraOpThreads();
    }

    public static int interOpThreads() {
        return Runtime.interOpThreads();
    }

    /** Seeds LibTorch's default CPU (and CUDA) generator. */
    public static void manualSeed(long seed) {
        GradMode.manualSeed(seed);
    }
}
