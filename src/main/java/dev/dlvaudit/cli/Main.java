package dev.dlvaudit.cli;

/** The entry point: build the command line, run it, exit with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(CommandLineFactory.create().execute(args));
    }
}
