package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.host.storage.BlockDevice;
import dev.dlvaudit.host.storage.StorageFacts;
import java.util.List;

@CheckSpec(
        id = "db.device",
        title = "The database is on solid-state storage",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "Reads that miss the page cache are random page reads: an NVMe or SATA SSD serves them in"
                + " microseconds, a spinning disk in milliseconds. Commits with sync wait for the device too."
                + " Virtual machines often report rotational=1 for disks that are in fact SSD-backed: check"
                + " with the provider before moving data.",
        reads = "/sys/dev/block/MAJ:MIN of the database's filesystem, its whole disk (or the disks beneath a"
                + " dm/md device), queue/rotational, queue/scheduler, queue/read_ahead_kb",
        thresholds = "PASS NVMe or SSD; WARN rotational; INFO when the device cannot be determined.",
        fix = "Move the database to an NVMe or SSD volume (stop writers, 'dtlv copy', repoint the application).",
        sources = {"Linux Documentation/ABI/stable/sysfs-block (queue/rotational, queue/scheduler)"})
public final class DeviceCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        if (context.databaseDirectory().isEmpty()) {
            return List.of(Finding.skip("needs a live database directory (the target is an options file alone)"));
        }
        StorageFacts storage = context.fact(StorageFacts.class);
        if (storage.device().isEmpty()) {
            return List.of(Finding.info("no block device found for the " + storage.mount().fsType()
                    + " filesystem holding the database (" + storage.mount().source() + ", device "
                    + storage.mount().majorMinor() + "): the storage kind cannot be told")
                    .observed(storage.mount().fsType() + " " + storage.mount().source())
                    .expected("an NVMe or SSD device").evidence(storage.mountTable()));
        }
        BlockDevice d = storage.device().get();
        String observed = describe(d);
        String evidence = d.sysPath() + (d.underlying().isEmpty() ? "" : ", disks beneath: " + d.underlying());
        switch (storage.kind()) {
            case NVME:
            case SSD:
                return List.of(Finding.pass("the database is on " + storage.kind().label() + " storage (" + d.disk() + ")")
                        .observed(observed).expected("NVMe or SSD").evidence(evidence));
            case ROTATIONAL:
                return List.of(Finding.warn("the database is on a rotational disk (" + d.disk() + "): page-cache misses"
                        + " cost milliseconds each. Virtual machines often report rotational=1 for SSD-backed"
                        + " disks; confirm with the provider")
                        .observed(observed).expected("NVMe or SSD").evidence(evidence)
                        .fix("Move the database to an NVMe/SSD volume: stop writers, 'dtlv copy " + storage.path()
                                + " /ssd/dir', repoint the application. If the disk is in fact SSD-backed,"
                                + " waive this check for this target in the policy"));
            case NETWORK:
                return List.of(Finding.info("the database is on network storage (" + d.disk()
                        + d.transport().map(t -> ", transport " + t).orElse("") + "); see db.filesystem")
                        .observed(observed).expected("a local NVMe or SSD device").evidence(evidence));
            default:
                return List.of(Finding.info("the kind of device " + d.disk() + " cannot be told (no queue/rotational)")
                        .observed(observed).expected("NVMe or SSD").evidence(evidence));
        }
    }

    private static String describe(BlockDevice d) {
        StringBuilder b = new StringBuilder(d.name());
        if (!d.disk().equals(d.name())) {
            b.append(" on ").append(d.disk());
        }
        b.append(": ").append(d.kind().label());
        d.scheduler().ifPresent(s -> b.append(", scheduler ").append(s));
        if (d.readAheadKb().isPresent()) {
            b.append(", read-ahead ").append(d.readAheadKb().getAsLong()).append(" KiB");
        }
        return b.toString();
    }
}
