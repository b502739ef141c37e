package io.tsstudio.app.cli;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code FILE [--method NAME] [--arg JSON]... [--device DEV]}: the one method call that {@code run} and {@code profile}
 * make (picocli mixin), with its checks: the device is available, the method exists, the arguments fit it.
 */
final class ModelCallOptions {
    @Mixin
    ModelFile file = new ModelFile();

    @Option(names = "--method", paramLabel = "NAME", defaultValue = "forward", description = "method to call (default: ${DEFAULT-VALUE})")
    String method;

    @Mixin
    CallArguments arguments = new CallArguments();

    @Option(names = "--device", paramLabel = "DEV", defaultValue = "cpu", description = "cpu or cuda:N (default: ${DEFAULT-VALUE})")
    String device;

    /** The --device, or a user error naming the devices there are. */
    Device device() {
        return CliFiles.device(device);
    }

    ScriptModule load(Device dev) {
        return file.load(dev);
    }

    /** The --method of the loaded model, or a user error listing the methods it has. */
    MethodInfo method(ScriptModule m) {
        return file.method(m, method);
    }

    /** The --arg values for the method, or proposed ones printed to {@code notesTo} (see {@link CallArguments#read}). */
    List<Object> arguments(ScriptModule m, PrintWriter notesTo, Device dev) {
        return arguments.read(m, method, notesTo, dev);
    }
}
