package example.timesync;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Reads {@link TimeSync} once per run, under the audited host's root. */
public final class TimeSyncProvider implements FactProvider<TimeSync> {

    @Override
    public Class<TimeSync> type() {
        return TimeSync.class;
    }

    @Override
    public Scope scope() {
        return Scope.HOST;
    }

    @Override
    public TimeSync read(CheckContext context) throws Exception {
        Path dir = context.hostRoot().resolve("run/systemd/timesync");
        Path flag = dir.resolve("synchronized");
        Optional<Instant> at = Files.isRegularFile(flag)
                ? Optional.of(Files.getLastModifiedTime(flag).toInstant())
                : Optional.empty();
        return new TimeSync(Path.of("/run/systemd/timesync"), Files.isDirectory(dir), at);
    }
}
