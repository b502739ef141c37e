package io.tsstudio.app.cli;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.Jit;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import io.tsstudio.engine.Torch;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opening what the command line names, with the user errors that go with it. */
final class CliFiles {
    private CliFiles() {
    }

    static Path existing(String name) {
        Path p = Path.of(name);
        if (!Files.exists(p)) throw new UserError("no such file: " + name);
        if (Files.isDirectory(p)) throw new UserError(name + " is a directory, not a file");
        if (!Files.isReadable(p)) throw new UserError("cannot read " + name + " (permission denied)");
        return p;
    }

    /** Loads a TorchScript archive; anything else is a user error saying what the file is (from the engine). */
    static ScriptModule load(String name, Device device) {
        return Jit.load(existing(name), device);
    }

    /** The method a command was asked to call, or a user error listing the methods {@code name} has. */
    static MethodInfo method(ScriptModule m, String name, String method) {
        if (!m.hasMethod(method)) {
            throw new UserError(name + " has no method '" + method + "' (it has: "
                    + String.join(", ", m.methods().stream().map(MethodInfo::name).toList()) + ")");
        }
        return m.method(method);
    }

    static Device device(String text) {
        Device d;
        try {
            d = Device.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (!Torch.devices().contains(d)) {
            throw new UserError("device " + d + " is not available here (available: "
                    + String.join(", ", Torch.devices().stream().map(Device::toString).toList()) + ")");
        }
        return d;
    }
}
