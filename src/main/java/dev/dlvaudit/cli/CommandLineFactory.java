package dev.dlvaudit.cli;

import dev.dlvaudit.engine.ConfigException;
import picocli.CommandLine;

/** Builds the configured command line; used by {@link Main} and by tests. */
public final class CommandLineFactory {
    private CommandLineFactory() {
    }

    public static CommandLine create() {
        CommandLine cl = new CommandLine(new DlvAuditCommand());
        cl.setExitCodeExceptionMapper(CommandLineFactory::exitCodeOf);
        cl.setParameterExceptionHandler(CommandLineFactory::usageError);
        cl.setExecutionExceptionHandler(CommandLineFactory::executionError);
        return cl;
    }

    static int exitCodeOf(Throwable t) {
        if (t instanceof ConfigException || t instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILURE;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("dlv-audit: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cl.getErr())) {
            cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        return ExitCodes.USAGE;
    }

    private static int executionError(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        boolean debug = DlvAuditCommand.debugRequested(parseResult);
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        cl.getErr().println("dlv-audit: " + message);
        if (debug) {
            e.printStackTrace(cl.getErr());
        } else if (!(e instanceof ConfigException) && !(e instanceof CommandFailedException)) {
            cl.getErr().println("(run with --debug for the stack trace)");
        }
        return exitCodeOf(e);
    }
}
