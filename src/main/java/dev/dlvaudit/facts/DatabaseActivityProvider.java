package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.proc.ActivitySampler;
import dev.dlvaudit.host.proc.DatabaseActivity;
import dev.dlvaudit.host.proc.DatabaseProcesses;
import dev.dlvaudit.host.proc.ProcessInfo;
import dev.dlvaudit.host.storage.BlockDevice;
import dev.dlvaudit.host.storage.StorageFacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Samples the target's activity for {@code --sample} seconds (once per target, shared by the checks
 * that need it). Asking without {@code --sample} is a programming error: checks SKIP first.
 */
public final class DatabaseActivityProvider implements FactProvider<DatabaseActivity> {
    @Override
    public Class<DatabaseActivity> type() {
        return DatabaseActivity.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public DatabaseActivity read(CheckContext context) throws InterruptedException {
        Duration duration = context.fact(SampleSettings.class).duration()
                .orElseThrow(() -> new FactException("activity is only sampled with --sample SECONDS"));
        Path dir = context.databaseDirectory()
                .orElseThrow(() -> new FactException("sampling needs a live database directory"));
        DatabaseProcesses processes = context.fact(DatabaseProcesses.class);
        Optional<String> device;
        try {
            device = context.fact(StorageFacts.class).device().map(BlockDevice::name);
        } catch (FactException e) {
            device = Optional.empty(); // no device rate, the rest still counts
        }
        Path lock = Files.isDirectory(dir) ? dir.resolve("lock.mdb") : Path.of(dir + "-lock");
        return new ActivitySampler(context.fact(HostFiles.class), Duration.ofMillis(10)).sample(
                processes.processes().stream().map(ProcessInfo::pid).toList(), device, lock, duration);
    }
}
