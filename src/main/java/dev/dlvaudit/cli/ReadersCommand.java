package dev.dlvaudit.cli;

import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DatabaseReader;
import dev.dlvaudit.report.ReadersReport;
import dev.dlvaudit.report.StatsReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlv-audit readers DIR}: the reader table, with lag and whether each slot's process is alive. */
@Command(name = "readers", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print the lock file's reader table: pid, thread, txnid, lag behind the current txnid,"
            + " alive or stale, and the process's command name.",
            "Alive means /proc/PID exists under --host-root and the process maps this data.mdb or holds an"
                + " fcntl lock on this lock.mdb; stale means the process is gone (or the pid was reused)."
                + " The lock file is read, never locked or written."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:The reader table was printed.",
            "2:Usage error.",
            "3:The database or its lock file is damaged or unreadable (problems on standard error)."})
public final class ReadersCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    DlvAuditCommand global;

    @Parameters(paramLabel = "DB_DIR", description = "The database directory (or MDB_NOSUBDIR data file).")
    Path database;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    StatsCommand.Format format;

    @Override
    public Integer call() {
        DatabaseFacts facts = DatabaseReader.read(database);
        if (facts.hasProblem(dev.dlvaudit.db.Problem.Kind.PATH_MISSING)
                || facts.hasProblem(dev.dlvaudit.db.Problem.Kind.NOT_A_DIRECTORY_OR_FILE)) {
            return StatsCommand.reportProblems(spec.commandLine().getErr(), facts); // nothing to list
        }
        Path hostRoot = global == null ? Path.of("/") : global.hostRoot;
        ReadersReport report = new ReadersReport(facts, StatsReport.readerRows(facts, hostRoot));
        PrintWriter out = spec.commandLine().getOut();
        if (format == StatsCommand.Format.json) {
            report.writeJson(out);
        } else {
            report.writeText(out);
        }
        return StatsCommand.reportProblems(spec.commandLine().getErr(), facts);
    }
}
