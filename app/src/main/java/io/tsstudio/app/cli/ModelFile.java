package io.tsstudio.app.cli;

import io.tsstudio.engine.Device;
import io.tsstudio.engine.MethodInfo;
import io.tsstudio.engine.ScriptModule;
import picocli.CommandLine.Parameters;

/** The positional {@code FILE} of a command that loads one TorchScript model (picocli mixin). */
final class ModelFile {
    @Parameters(paramLabel = "FILE", description = "a TorchScript .pt file")
    String name;

    ScriptModule load(Device device) {
        return CliFiles.load(name, device);
    }

    /** The method to call in the loaded model, or a user error listing the methods this file has. */
    MethodInfo method(ScriptModule m, String method) {
        return CliFiles.method(m, name, method);
    }
}
