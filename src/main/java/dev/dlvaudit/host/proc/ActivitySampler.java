package dev.dlvaudit.host.proc;

import dev.dlvaudit.host.HostFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Samples a database's activity over an interval: counters at both ends, and the writer mutex of
 * {@code lock.mdb} every {@code period} in between (plain positional reads: nothing is locked or written).
 */
public final class ActivitySampler {
    private final HostFiles files;
    private final Duration period;

    public ActivitySampler(HostFiles files, Duration period) {
        this.files = files;
        this.period = period;
    }

    public DatabaseActivity sample(List<Integer> pids, Optional<String> device, Path lockFile, Duration interval)
            throws InterruptedException {
        ActivitySnapshot before = ActivitySnapshot.read(files, pids, device);
        long deadline = System.nanoTime() + interval.toNanos();
        WriterLockSample lock = sampleLock(lockFile, deadline);
        long left = deadline - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
        ActivitySnapshot after = ActivitySnapshot.read(files, pids, device);
        return DatabaseActivity.between(before, after, Pressure.read(files, "io"), Pressure.read(files, "memory"),
                device, lock);
    }

    private WriterLockSample sampleLock(Path lockFile, long deadline) throws InterruptedException {
        String name = lockFile.toString();
        if (!Files.isRegularFile(lockFile)) {
            return WriterLockSample.notAvailable(name, "not available: there is no lock file " + lockFile);
        }
        int samples = 0;
        int held = 0;
        int waiting = 0;
        Map<Integer, Integer> owners = new TreeMap<>();
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.READ)) {
            WriterMutex first = WriterMutex.read(ch);
            if (!first.layoutKnown()) {
                return WriterLockSample.notAvailable(name, String.format("not available: the writer mutex in %s is"
                        + " not the glibc robust shared mutex whose layout was proven (__kind 0x%x, expected 0x%x)",
                        lockFile, first.kind(), WriterMutex.GLIBC_ROBUST_SHARED));
            }
            do {
                WriterMutex m = WriterMutex.read(ch);
                samples++;
                if (m.held()) {
                    held++;
                    owners.merge(m.ownerTid(), 1, Integer::sum);
                }
                if (m.waiters()) {
                    waiting++;
                }
                Thread.sleep(period.toMillis());
            } while (System.nanoTime() < deadline);
        } catch (IOException e) {
            return WriterLockSample.notAvailable(name, "not available: cannot read " + lockFile + ": " + e.getMessage());
        }
        Map<Integer, Integer> pids = new HashMap<>();
        for (int tid : owners.keySet()) {
            processOfThread(tid).ifPresent(pid -> pids.put(tid, pid));
        }
        return new WriterLockSample(Optional.empty(), samples, held, waiting, Map.copyOf(owners), Map.copyOf(pids), name);
    }

    /** The process a thread belongs to: the Tgid in {@code /proc/TID/status}. */
    public Optional<Integer> processOfThread(int tid) {
        try {
            Optional<String> status = files.readIfExists("/proc/" + tid + "/status");
            if (status.isPresent()) {
                for (String line : status.get().split("\n")) {
                    if (line.startsWith("Tgid:")) {
                        return Optional.of(Integer.parseInt(line.substring(5).trim()));
                    }
                }
            }
        } catch (RuntimeException e) {
            // the thread is gone
        }
        return Optional.empty();
    }
}
