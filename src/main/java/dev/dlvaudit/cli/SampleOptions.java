package dev.dlvaudit.cli;

import dev.dlvaudit.engine.FactStore;
import dev.dlvaudit.facts.SampleSettings;
import dev.dlvaudit.facts.SampleSettingsProvider;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --sample SECONDS}: measure rates (faults, pressure, I/Os, the write lock) over an interval. */
public final class SampleOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sample", paramLabel = "SECONDS",
            description = "Sample each database's processes for SECONDS: major faults/s, I/O and memory pressure,"
                    + " iowait, I/Os on its device, and how often the write lock is held and contended."
                    + " Without it the proc.major-faults and proc.writer-lock checks are skipped.")
    Double seconds;

    public Optional<Duration> duration() {
        if (seconds == null) {
            return Optional.empty();
        }
        if (seconds <= 0 || seconds > 3600) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--sample must be between 0 and 3600 seconds, got " + seconds);
        }
        return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** Makes the run sample: the activity facts read the duration from here. */
    public void apply(FactStore facts) {
        duration().ifPresent(d -> facts.with(new SampleSettingsProvider(new SampleSettings(Optional.of(d)))));
    }

    /** Time the checks that sample need on top of the per-check timeout. */
    public Duration extraTimeout() {
        return duration().orElse(Duration.ZERO);
    }
}
