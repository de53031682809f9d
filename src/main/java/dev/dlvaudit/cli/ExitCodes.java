package dev.dlvaudit.cli;

/** Exit codes, as listed in --help and the man page. */
public final class ExitCodes {
    /** The gate passed (or the command did its job). */
    public static final int OK = 0;
    /** The gate tripped: a result at or above the --fail-on level. */
    public static final int GATE = 1;
    /** Usage or configuration error: bad option, malformed policy, waiver or options file. */
    public static final int USAGE = 2;
    /** The command could not do its job at all (e.g. stats on an unreadable database). */
    public static final int FAILURE = 3;

    static final String[] HELP = {
        "0:The gate passed.",
        "1:The gate tripped: a result at or above the --fail-on level.",
        "2:Usage or configuration error (bad option, malformed policy, waiver or options file).",
        "3:The command could not do its job (e.g. stats on an unreadable database)."
    };

    private ExitCodes() {
    }
}
