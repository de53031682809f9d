package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.host.storage.Mount;
import dev.dlvaudit.host.storage.StorageFacts;
import java.util.List;

@CheckSpec(
        id = "db.filesystem",
        title = "The database is on a local, persistent filesystem",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "LMDB relies on a shared memory map and on POSIX locks of its lock file being coherent"
                + " between processes; its documentation forbids network filesystems (NFS, SMB, Ceph,"
                + " GlusterFS, sshfs, 9p, NVMe over fabrics), where the page cache of two machines is not"
                + " coherent and locks are unreliable. On tmpfs or ramfs the data is gone at the next reboot."
                + " Overlay filesystems (a container's writable layer) copy files up and are slow for a"
                + " memory-mapped database: use a volume.",
        reads = "/proc/1/mountinfo under the host root (else /proc/self/mountinfo): the mount holding the"
                + " database directory, its filesystem type and options; /sys/class/nvme/*/transport",
        thresholds = "FAIL network filesystem or NVMe over fabrics; FAIL tmpfs/ramfs; WARN overlay; PASS otherwise.",
        fix = "Move the database to a local filesystem (ext4 or xfs on a local disk): stop the writer, copy it"
                + " with 'dtlv copy' and point the application at the new directory.",
        sources = {"LMDB documentation, Caveats: do not use LMDB databases on remote filesystems",
            "proc(5): /proc/PID/mountinfo"})
public final class FilesystemCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        if (context.databaseDirectory().isEmpty()) {
            return List.of(Finding.skip("needs a live database directory (the target is an options file alone)"));
        }
        StorageFacts storage = context.fact(StorageFacts.class);
        Mount m = storage.mount();
        String observed = m.fsType() + " (" + m.source() + " on " + m.mountPoint() + ", " + m.options() + ")";
        String evidence = storage.mountTable() + " for " + storage.hostPath();
        String move = "Move the database to a local ext4/xfs filesystem on a local disk (stop writers, then"
                + " 'dtlv copy " + storage.path() + " /new/local/dir' and repoint the application)";
        switch (storage.fsClass()) {
            case NETWORK:
                return List.of(Finding.fail("the database is on a network filesystem (" + m.fsType()
                        + "): LMDB's documentation forbids it; locks and the shared map are not coherent")
                        .observed(observed).expected("a local filesystem").evidence(evidence).fix(move));
            case MEMORY:
                return List.of(Finding.fail("the database is on " + m.fsType() + ": its data is lost at the next reboot")
                        .observed(observed).expected("a persistent local filesystem").evidence(evidence).fix(move));
            case OVERLAY:
                return List.of(Finding.warn("the database is on an overlay filesystem (a container's writable"
                        + " layer): slow for a memory-mapped database and lost with the container")
                        .observed(observed).expected("a volume on a local filesystem").evidence(evidence)
                        .fix("Mount a volume at the database directory (docker run -v /var/lib/app/db:" + storage.path()
                                + ", or a Kubernetes PersistentVolume) and copy the database onto it"));
            default:
                break;
        }
        if (storage.kind() == dev.dlvaudit.host.storage.DeviceKind.NETWORK) {
            String transport = storage.device().flatMap(d -> d.transport()).orElse("network");
            return List.of(Finding.fail("the filesystem " + m.fsType() + " sits on a network block device ("
                    + storage.device().map(d -> d.disk()).orElse("?") + ", transport " + transport
                    + "): a remote disk shared over the network")
                    .observed(observed + ", device " + storage.device().map(d -> d.disk()).orElse("?"))
                    .expected("a local disk").evidence(evidence + ", " + storage.device().map(d -> d.sysPath()).orElse(""))
                    .fix(move));
        }
        return List.of(Finding.pass("the database is on a local " + m.fsType() + " filesystem")
                .observed(observed).expected("a local filesystem").evidence(evidence));
    }
}
