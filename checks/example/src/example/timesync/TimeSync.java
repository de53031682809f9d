package example.timesync;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What systemd-timesyncd says about the clock: whether it runs (its runtime directory exists)
 * and when it last marked the clock synchronized (the mtime of its {@code synchronized} file).
 */
public record TimeSync(Path directory, boolean serviceDirPresent, Optional<Instant> synchronizedAt) {
}
