package io.tsstudio.app.cli;

/** The fixture contract through an in-process call of {@link Cli#run(String[], java.io.PrintWriter, java.io.PrintWriter)}. */
class CliFixtureOutputsTest extends FixtureOutputsContract {
    @Override
    CliRunner.Result run(String... args) {
        return CliRunner.inProcess(args);
    }
}
