package dev.dlvaudit.cli;

import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DatabaseReader;
import dev.dlvaudit.db.Problem;
import dev.dlvaudit.report.StatsReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlv-audit stats DIR}: what {@code mdb_stat -e -f -a} prints, read safely, plus derived numbers. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a database's statistics like 'mdb_stat -e -f -a' (same sections and lines, so the"
            + " two can be diffed), then numbers mdb_stat lacks: map used, reusable space, readers active /"
            + " high-water / max, oldest reader lag, stale reader pids, overflow ratio per DBI.",
            "The files are read with dlv-audit's own read-only reader: unlike mdb_stat it never takes a lock"
                + " or rewrites lock.mdb, and it reads DLMDB (Datalevin) files correctly."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:The statistics were printed.",
            "2:Usage error.",
            "3:The database is damaged or unreadable: what could be read is printed, the problems go to"
                + " standard error."})
public final class StatsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    DlvAuditCommand global;

    @Parameters(paramLabel = "DB_DIR", description = "The database directory (or MDB_NOSUBDIR data file).")
    Path database;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--dbi", paramLabel = "NAME", description = "Show only this named DBI.")
    String dbi;

    /** Output formats of stats and readers. */
    public enum Format { text, json }

    @Override
    public Integer call() {
        DatabaseFacts facts = DatabaseReader.read(database);
        if (facts.hasProblem(Problem.Kind.PATH_MISSING) || facts.hasProblem(Problem.Kind.NOT_A_DIRECTORY_OR_FILE)
                || facts.hasProblem(Problem.Kind.NO_DATA_FILE)) {
            return reportProblems(spec.commandLine().getErr(), facts); // nothing was read: no statistics to show
        }
        if (dbi != null && facts.dbis().stream().noneMatch(d -> d.name().equals(dbi))
                && facts.walkState() == dev.dlvaudit.db.WalkState.COMPLETE) {
            spec.commandLine().getErr().println("dlv-audit: " + facts.input() + ": no DBI named '" + dbi + "'");
            return ExitCodes.FAILURE;
        }
        Path hostRoot = global == null ? Path.of("/") : global.hostRoot;
        StatsReport report = new StatsReport(facts, StatsReport.readerRows(facts, hostRoot), Optional.ofNullable(dbi));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            report.writeJson(out);
        } else {
            report.writeText(out);
        }
        return reportProblems(spec.commandLine().getErr(), facts);
    }

    /** Problems on standard error; exit 3 when there are any. */
    static int reportProblems(PrintWriter err, DatabaseFacts facts) {
        for (Problem p : facts.problems()) {
            err.println("dlv-audit: " + p.message());
        }
        err.flush();
        return facts.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
