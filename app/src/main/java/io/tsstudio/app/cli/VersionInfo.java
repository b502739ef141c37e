package io.tsstudio.app.cli;

import io.tsstudio.engine.Torch;
import picocli.CommandLine;

/** {@code --version}: the studio's version and the LibTorch it runs on. */
final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionInfo.class.getPackage().getImplementationVersion();
        return new String[] {"tsstudio " + (version == null ? "0.1.0-SNAPSHOT" : version), "LibTorch " + Torch.version()};
    }
}
