package io.tsstudio.app.cli;

import io.tsstudio.engine.ErrorText;
import io.tsstudio.engine.TorchException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns failures into exit statuses and one message on stderr: 2 for what the user can fix (bad arguments, files,
 * source, types: {@link UserError}, {@link TorchException}), 1 for anything else (a bug here).
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int USER_ERROR = 2;
    static final int INTERNAL_ERROR = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (ex instanceof UserError || ex instanceof TorchException) {
            err.println("tsstudio: " + ErrorText.oneLine(ex.getMessage()));
            return USER_ERROR;
        }
        err.println("tsstudio: internal error: " + ex);
        if (System.getenv("TSSTUDIO_DEBUG") != null) ex.printStackTrace(err);
        else err.println("(run with TSSTUDIO_DEBUG=1 for the stack trace, and please report it)");
        return INTERNAL_ERROR;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("tsstudio: " + ex.getMessage());
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        return USER_ERROR;
    }
}
