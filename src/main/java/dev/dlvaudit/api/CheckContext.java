package dev.dlvaudit.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What a check is handed: facts, thresholds, the host root, the target, the clock.
 * Everything a check needs comes through here, so tests can fake any of it.
 */
public interface CheckContext {

    /** The root under which the audited host's {@code /proc}, {@code /sys} and {@code /etc} are read. */
    Path hostRoot();

    /** The database under audit, for {@link Scope#DATABASE} checks; empty for host checks. */
    Optional<Target> target();

    /**
     * A fact of the given type, read once per run (per target for database facts) and shared by
     * every check that asks. Throws {@link FactException} when it cannot be read; the message
     * names the file and the problem.
     */
    <T> T fact(Class<T> type);

    /** Thresholds for this check (policy, else defaults). */
    Settings settings();

    /** The run's clock (waiver expiry, ages of backups); fixed in tests. */
    Clock clock();

    /** An environment variable of the auditing process. */
    Optional<String> env(String name);

    /** The target's directory, or a reason to skip when the target is an options file alone. */
    default Optional<Path> databaseDirectory() {
        return target().flatMap(Target::directory);
    }
}
