package dev.dlvaudit.cli;

/** The entry point: build the command line, run it, exit with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // the same lines picocli prints, without building a command model (half of the start-up time)
            for (String line : new VersionProvider().getVersion()) {
                System.out.println(line);
            }
            System.exit(ExitCodes.OK);
        }
        System.exit(CommandLineFactory.forArgs(args).execute(args));
    }
}
