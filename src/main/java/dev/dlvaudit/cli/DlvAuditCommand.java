package dev.dlvaudit.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level command: global options; the subcommands are added by {@link CommandLineFactory}. */
@Command(name = "dlv-audit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Audit a production Datalevin deployment: database files, kernel settings, processes.",
        description = {
            "Runs the production checklist for Datalevin (LMDB/DLMDB) databases and prints pass / warn / fail"
                + " with the evidence and the exact fix. The database files are read by dlv-audit's own"
                + " read-only reader: nothing in an audited directory is ever written, locked or created."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:The gate passed.",
            "1:The gate tripped: a result at or above the --fail-on level.",
            "2:Usage or configuration error (bad option, malformed policy, waiver or options file).",
            "3:The command could not do its job (e.g. stats on an unreadable database)."})
public final class DlvAuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host-root", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Read the audited host's /proc, /sys and /etc under DIR (e.g. /host in a container"
                    + " that mounts the host). dlv-audit's own configuration is never read from there."
                    + " Default: /.")
    Path hostRoot = Path.of("/");

    @Option(names = "--color", paramLabel = "WHEN", scope = ScopeType.INHERIT,
            description = "Colour the text report: ${COMPLETION-CANDIDATES}. Default: auto (only on a terminal,"
                    + " never when NO_COLOR is set).")
    ColorMode color = ColorMode.auto;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print stack traces of internal errors.")
    boolean debug;

    @CommandLine.Mixin
    CheckDirsOption checkDirs = new CheckDirsOption();

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Whether --debug was given anywhere on the command line, for the error handler. */
    static boolean debugRequested(CommandLine.ParseResult result) {
        for (CommandLine.ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** When to colour the text report. */
    public enum ColorMode { auto, always, never }
}
