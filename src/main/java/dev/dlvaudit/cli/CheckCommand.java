package dev.dlvaudit.cli;

import dev.dlvaudit.api.Target;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.CheckCatalog;
import dev.dlvaudit.engine.Engine;
import dev.dlvaudit.engine.FactStore;
import dev.dlvaudit.engine.FailOn;
import dev.dlvaudit.engine.LoadedCheck;
import dev.dlvaudit.engine.Plugins;
import dev.dlvaudit.engine.Policy;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.host.EnvironmentProbe;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dlv-audit check}: run the checks and report. */
@Command(name = "check", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Run the checks on the host and on each database directory, print the report and exit"
            + " with the gate's verdict.",
            "With no directory, only the host checks run; database checks report SKIP."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:The gate passed.",
            "1:The gate tripped: a result at or above the --fail-on level.",
            "2:Usage or configuration error (bad option, malformed policy, waiver or options file).",
            "3:The command could not do its job."})
public final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    DlvAuditCommand global;

    @Parameters(paramLabel = "DB_DIR", arity = "0..*",
            description = "Database directories (or MDB_NOSUBDIR data files) to audit.")
    List<Path> databases = new ArrayList<>();

    @Option(names = "--only", split = ",", paramLabel = "ID|AREA",
            description = "Run only these checks: check ids (os.swappiness) or areas (os, db, dl, proc, ops).")
    List<String> only = new ArrayList<>();

    @Option(names = "--skip", split = ",", paramLabel = "ID|AREA",
            description = "Do not run these checks (ids or areas).")
    List<String> skip = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format on standard output: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    ReportFormat format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "fail",
            converter = FailOnConverter.class,
            description = "What trips the gate (exit 1): warn (WARN, FAIL, ERROR), fail (FAIL, ERROR), never."
                    + " Default: ${DEFAULT-VALUE}.")
    FailOn failOn;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Stop a check that runs longer than this and report it as ERROR. Default: ${DEFAULT-VALUE}.")
    long timeoutSeconds;

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds");
        }
        if (!java.nio.file.Files.isDirectory(global.hostRoot)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--host-root: " + global.hostRoot + " is not a directory");
        }
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        Plugins plugins = global.checkDirs.load();
        CheckCatalog catalog = plugins.catalog();
        List<LoadedCheck> selected = catalog.select(only, skip);
        List<Target> targets = new ArrayList<>();
        for (Path db : databases) {
            targets.add(new Target(db.toAbsolutePath().normalize(), null));
        }
        Path hostRoot = global.hostRoot;
        FactStore facts = plugins.facts(CheckCommand.class.getClassLoader());
        Engine engine = new Engine(facts, Policy.none(), hostRoot, clock, System.getenv(),
                Duration.ofSeconds(timeoutSeconds));
        List<Result> results = engine.run(selected, targets);
        HostFiles host = new HostFiles(hostRoot);
        AuditRun run = new AuditRun(VersionProvider.version(), EnvironmentProbe.hostname(host), started,
                Duration.between(started, clock.instant()), EnvironmentProbe.read(host),
                targets.stream().map(Target::label).toList(), results, failOn);
        PrintWriter out = spec.commandLine().getOut();
        format.writer(Terminal.colorFor(global.color)).write(run, out);
        out.flush();
        return run.gateTripped() ? ExitCodes.GATE : ExitCodes.OK;
    }

    /** Accepts warn, fail, never in any case. */
    static final class FailOnConverter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected warn, fail or never, got '" + value + "'");
            }
        }
    }
}
