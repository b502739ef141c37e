package io.tsstudio.engine.internal.torch;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.TorchException;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.DeviceOptional;
import org.bytedeco.pytorch.JitModule;
import org.bytedeco.pytorch.global.torch;

/** LibTorch's TorchScript loader. Callers check what the file is first (see ModelFiles) for better messages. */
public final class ModuleLoader {
    private ModuleLoader() {
    }

    public static NativeModule load(String path, Device device) {
        // Natives first, under Runtime's lock: a PointerScope here starts JavaCPP's Pointer initialisation, and when
        // another thread is loading LibTorch at that moment (the studio's warm-up) the two deadlock (seen: the studio
        // opened a file given on its command line while warming up, and hung for good).
        Runtime.ensureLoaded();
        try (PointerScope s = new PointerScope()) {
            DeviceOptional d = device == null ? new DeviceOptional() : new DeviceOptional(new org.bytedeco.pytorch.Device(device.toString()));
            JitModule m = torch.load(path, d, true);
            return NativeModule.own(m);
        } catch (TorchException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TorchException("cannot load " + path + " as TorchScript: " + Errors.clean(e), e);
        }
    }
}
