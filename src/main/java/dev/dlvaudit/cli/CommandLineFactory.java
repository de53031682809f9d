package dev.dlvaudit.cli;

import dev.dlvaudit.engine.ConfigException;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/** Builds the configured command line; used by {@link Main}, the man page and completion, and tests. */
public final class CommandLineFactory {
    /** The subcommands, in the order help lists them. */
    private static final List<String> SUBCOMMANDS = List.of("check", "list", "explain", "stats", "readers", "env", "help");
    /** Global options that take a separate value, to find the subcommand among the arguments. */
    private static final Set<String> GLOBAL_OPTIONS_WITH_VALUE = Set.of("--host-root", "--color", "--checks-dir");

    private CommandLineFactory() {
    }

    /** The whole command model: every subcommand. */
    public static CommandLine create() {
        return build(Set.copyOf(SUBCOMMANDS));
    }

    /**
     * The command line for one run. picocli builds the model of every registered command by
     * reflection, which is most of the start-up time of a short run; so when the arguments name a
     * subcommand (other than help), only that one is registered.
     * Parsing and output are the same as with {@link #create()}.
     */
    public static CommandLine forArgs(String[] args) {
        String invoked = invokedSubcommand(args);
        if (invoked != null && !"help".equals(invoked)) {
            return build(Set.of(invoked));
        }
        return create();
    }

    /** The first argument that is not a global option or its value, if it names a subcommand. */
    static String invokedSubcommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--".equals(a)) {
                return null;
            }
            if (a.startsWith("-")) {
                if (GLOBAL_OPTIONS_WITH_VALUE.contains(a)) {
                    i++;
                }
                continue;
            }
            return SUBCOMMANDS.contains(a) ? a : null;
        }
        return null;
    }

    private static CommandLine build(Set<String> names) {
        CommandLine cl = new CommandLine(new DlvAuditCommand());
        for (String name : SUBCOMMANDS) {
            if (names.contains(name)) {
                cl.addSubcommand(name, newSubcommand(name));
            }
        }
        Handlers handlers = new Handlers();
        cl.setExitCodeExceptionMapper(handlers);
        cl.setParameterExceptionHandler(handlers);
        cl.setExecutionExceptionHandler(handlers);
        return cl;
    }

    // a switch and one handler class rather than lambdas: each lambda is a class spun at start-up
    private static Object newSubcommand(String name) {
        switch (name) {
            case "check": return new CheckCommand();
            case "list": return new ListCommand();
            case "explain": return new ExplainCommand();
            case "stats": return new StatsCommand();
            case "readers": return new ReadersCommand();
            case "env": return new EnvCommand();
            case "help": return new CommandLine.HelpCommand();
            default: throw new IllegalArgumentException(name);
        }
    }

    /** Maps exceptions to exit codes and prints them without a stack trace (unless --debug). */
    private static final class Handlers implements CommandLine.IExitCodeExceptionMapper,
            CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
        @Override
        public int getExitCode(Throwable t) {
            return exitCodeOf(t);
        }

        @Override
        public int handleParseException(CommandLine.ParameterException e, String[] args) {
            return usageError(e, args);
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
            return executionError(e, cl, parseResult);
        }
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
