package dev.dlvaudit.cli;

import dev.dlvaudit.api.Target;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.CheckCatalog;
import dev.dlvaudit.engine.Engine;
import dev.dlvaudit.engine.FactStore;
import dev.dlvaudit.engine.FailOn;
import dev.dlvaudit.engine.LoadedCheck;
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

    @Option(names = "--opts", paramLabel = "FILE.edn",
            description = "The EDN options map the application passes to Datalevin (get-conn / open-kv), e.g."
                    + " {:wal? true :kv-opts {:mapsize 10000 :flags #{:nordahead :notls}}}. Alone, the Datalevin"
                    + " checks judge it without a database (CI); with DB_DIR, disagreements are findings.")
    Path optionsFile;

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Where database copies are kept (one copy, or one per subdirectory such as dated"
                    + " dtlv copy output); dl.backups checks the newest is recent and valid.")
    Path backupDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Stop a check that runs longer than this and report it as ERROR. Default: ${DEFAULT-VALUE}.")
    long timeoutSeconds;

    @CommandLine.Mixin
    PolicyOptions policyOptions;

    @CommandLine.Mixin
    OutputOptions outputOptions;

    @CommandLine.Mixin
    CronOptions cronOptions;

    @CommandLine.Mixin
    SampleOptions sampling = new SampleOptions();

    @Override
    public Integer call() {
        if (timeoutSeconds <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds");
        }
        if (!java.nio.file.Files.isDirectory(global.hostRoot)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--host-root: " + global.hostRoot + " is not a directory");
        }
        if (optionsFile != null) {
            try {
                dev.dlvaudit.datalevin.OptionsFile.read(optionsFile); // malformed → exit 2 before any audit
            } catch (dev.dlvaudit.datalevin.OptionsFileException e) {
                throw new dev.dlvaudit.engine.ConfigException(e.getMessage());
            }
        }
        if (backupDir != null && !java.nio.file.Files.isDirectory(backupDir)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--backup-dir: " + backupDir + " is not a directory");
        }
        Clock clock = Clock.systemUTC();
        Instant started = clock.instant();
        CheckCatalog catalog = CheckCatalog.builtIn();
        List<LoadedCheck> selected = catalog.select(only, skip);
        List<Target> targets = new ArrayList<>();
        for (Path db : databases) {
            targets.add(new Target(db.toAbsolutePath().normalize(), optionsFile));
        }
        if (databases.isEmpty() && optionsFile != null) {
            targets.add(new Target(null, optionsFile.toAbsolutePath().normalize()));
        }
        Policy policy = policyOptions.load(catalog, System.getenv());
        if (backupDir != null) {
            java.util.Map<String, Object> global = new java.util.LinkedHashMap<>(policy.global());
            global.put("backup-dir", backupDir.toAbsolutePath().normalize().toString());
            policy = new Policy(policy.source(), policy.profile(), global,
                    policy.perCheck(), policy.severities(), policy.waivers());
        }
        outputOptions.checkBaseline();
        outputOptions.validate(databases);
        PrintWriter err = spec.commandLine().getErr();
        CronLock lock = null;
        if (cronOptions.cron) {
            Path lockFile = CronLock.location(System.getenv(), databases);
            lock = CronLock.tryAcquire(lockFile);
            if (lock == null) {
                if (cronOptions.cronExitZero) {
                    return ExitCodes.OK;
                }
                throw new CommandFailedException("another dlv-audit --cron run holds the lock " + lockFile
                        + " (pid " + CronLock.holder(lockFile) + "); not starting a second one");
            }
            LowPriority.apply();
        }
        try (CronLock held = lock) {
            Path hostRoot = global.hostRoot;
            FactStore facts = FactStore.fromServiceLoader(CheckCommand.class.getClassLoader());
            sampling.apply(facts);
            Engine engine = new Engine(facts, policy, hostRoot, clock, System.getenv(),
                    Duration.ofSeconds(timeoutSeconds).plus(sampling.extraTimeout()));
            ProgressLine progress = null;
            if (!cronOptions.cron && targets.size() > 1 && ProgressLine.stderrIsTerminal()) {
                long host = selected.stream().filter(c -> c.spec().scope() == dev.dlvaudit.api.Scope.HOST).count();
                progress = new ProgressLine(err, (int) (host + (selected.size() - host) * targets.size()),
                        ProgressLine.columns());
                engine.onProgress(progress);
            }
            List<Result> results = engine.run(selected, targets);
            if (progress != null) {
                progress.clear();
            }
            HostFiles host = new HostFiles(hostRoot);
            java.util.Map<String, Object> environment = new java.util.LinkedHashMap<>(EnvironmentProbe.read(host, databases));
            dev.dlvaudit.facts.DatalevinEnvironment.versions(targets)
                    .ifPresent(v -> environment.put("datalevin_version", v));
            AuditRun run = outputOptions.compare(new AuditRun(VersionProvider.version(), EnvironmentProbe.hostname(host),
                    started, Duration.between(started, clock.instant()), environment,
                    targets.stream().map(Target::label).toList(), results, failOn));
            outputOptions.writeFiles(run);
            if (!cronOptions.cron || cronOptions.worthPrinting(run)) {
                PrintWriter out = spec.commandLine().getOut();
                boolean color = !cronOptions.cron && Terminal.colorFor(global.color);
                format.writer(color, outputOptions.warnAs(failOn)).write(run, out);
                out.flush();
            }
            return run.gateTripped() && !cronOptions.exitZero ? ExitCodes.GATE : ExitCodes.OK;
        }
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
