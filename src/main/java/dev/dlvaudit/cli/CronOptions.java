package dev.dlvaudit.cli;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.FailOn;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --cron} and the options that go with it. */
public final class CronOptions {

    @Option(names = "--cron",
            description = "For cron and systemd timers: no colour, no progress, print the report only when a result"
                    + " is at or above --cron-level, run at low CPU and IO priority, and never overlap another"
                    + " --cron run (exit 3 if one holds the lock). --output files are always written.")
    boolean cron;

    @Option(names = "--cron-level", paramLabel = "LEVEL", defaultValue = "warn", converter = LevelConverter.class,
            description = "With --cron, print when a result is at least this: warn (WARN, FAIL, ERROR) or"
                    + " fail (FAIL, ERROR). Default: ${DEFAULT-VALUE}.")
    FailOn cronLevel;

    @Option(names = "--exit-zero",
            description = "Exit 0 whatever the results (the gate is still reported); usage and configuration"
                    + " errors still exit 2.")
    boolean exitZero;

    @Option(names = "--cron-exit-zero",
            description = "With --cron, exit 0 (silently) when another --cron run holds the lock, instead of 3.")
    boolean cronExitZero;

    /** Whether the cron run has something to say. */
    boolean worthPrinting(AuditRun run) {
        return run.results().stream().map(dev.dlvaudit.engine.Result::status).anyMatch(this::atLevel);
    }

    private boolean atLevel(Status s) {
        return cronLevel.trips(s);
    }

    /** Accepts warn or fail. */
    static final class LevelConverter implements CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("warn") || v.equals("fail")) {
                return FailOn.valueOf(v.toUpperCase(Locale.ROOT));
            }
            throw new CommandLine.TypeConversionException("expected warn or fail, got '" + value + "'");
        }
    }
}
