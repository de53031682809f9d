package dev.dlvaudit.host.proc;

import java.util.Map;
import java.util.Optional;

/**
 * How the writer mutex looked over a sampling interval.
 *
 * @param unavailable why the mutex could not be read or its layout is unproven; empty when the counts mean something
 * @param ownerTids samples per owner thread id
 * @param ownerPids the process of each owner thread, when it could be found ({@code /proc/TID/status} Tgid)
 */
public record WriterLockSample(Optional<String> unavailable, int samples, int held, int waiting,
                               Map<Integer, Integer> ownerTids, Map<Integer, Integer> ownerPids, String lockFile) {

    public static WriterLockSample notAvailable(String lockFile, String reason) {
        return new WriterLockSample(Optional.of(reason), 0, 0, 0, Map.of(), Map.of(), lockFile);
    }

    public double heldRatio() {
        return samples == 0 ? 0 : (double) held / samples;
    }

    public double waitingRatio() {
        return samples == 0 ? 0 : (double) waiting / samples;
    }
}
