package dev.dlvaudit.checks.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.api.Target;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.testing.CheckRunner;
import dev.dlvaudit.testing.FakeHost;
import dev.dlvaudit.testing.FakeStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** db.filesystem and db.device on fake mount tables and sysfs trees. */
class StorageChecksTest {
    @TempDir
    Path root;
    FakeHost host;
    FakeStorage storage;
    Target target;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).dir("/var/lib/app/db");
        storage = new FakeStorage(host).mount("/", "8:1", "ext4", "/dev/sda1", "rw,relatime")
                .disk("sda", "8:0", "0", "[mq-deadline] none", 128).partition("sda", "sda1", "8:1");
        target = new Target(host.path("/var/lib/app/db"), null);
    }

    private Result filesystem() {
        return new CheckRunner(root).one(new FilesystemCheck(), target);
    }

    private Result device() {
        return new CheckRunner(root).one(new DeviceCheck(), target);
    }

    @ParameterizedTest
    @CsvSource({"ext4,PASS", "xfs,PASS", "btrfs,PASS", "nfs,FAIL", "nfs4,FAIL", "cifs,FAIL", "smb3,FAIL",
        "ceph,FAIL", "glusterfs,FAIL", "fuse.sshfs,FAIL", "9p,FAIL", "tmpfs,FAIL", "ramfs,FAIL", "overlay,WARN"})
    void filesystemVerdicts(String fsType, Status expected) {
        storage.mount("/var/lib/app", "0:99", fsType, "src", "rw");
        Result r = filesystem();
        assertEquals(expected, r.status(), r.message());
        assertTrue(r.observed().startsWith(fsType + " "), r.observed());
        assertTrue(r.evidence().contains("mountinfo") && r.evidence().contains("/var/lib/app/db"), r.evidence());
        if (expected != Status.PASS) {
            assertTrue(!r.fix().isEmpty(), "a fix");
        }
    }

    @Test
    void nvmeOverFabricsFailsTheFilesystemCheck() {
        storage.mount("/var/lib", "259:1", "ext4", "/dev/nvme1n1", "rw")
                .disk("nvme1n1", "259:1", "0", "none", 128).nvmeTransport(1, "rdma");
        Result r = filesystem();
        assertEquals(Status.FAIL, r.status());
        assertTrue(r.message().contains("rdma"), r.message());
    }

    @Test
    void deviceVerdicts() {
        Result ssd = device();
        assertEquals(Status.PASS, ssd.status(), ssd.message());
        storage.disk("sda", "8:0", "1", "[mq-deadline] none", 128);
        Result hdd = device();
        assertEquals(Status.WARN, hdd.status());
        assertTrue(hdd.message().contains("Virtual machines often report rotational=1"), hdd.message());
        assertTrue(hdd.observed().contains("scheduler mq-deadline") && hdd.observed().contains("128 KiB"), hdd.observed());
        assertTrue(hdd.evidence().contains("sda1"), hdd.evidence());
        storage.mount("/var/lib", "259:2", "xfs", "/dev/nvme0n1p2", "rw")
                .disk("nvme0n1", "259:0", "0", "none", 128).partition("nvme0n1", "nvme0n1p2", "259:2");
        assertEquals(Status.PASS, device().status());
    }

    @Test
    void deviceIsInfoWithoutABlockDevice() {
        storage.mount("/var/lib", "0:40", "overlay", "overlay", "rw");
        Result r = device();
        assertEquals(Status.INFO, r.status());
        assertTrue(r.message().contains("no block device"), r.message());
    }

    @Test
    void bothSkipForAnOptionsFileAlone() {
        host.file("/etc/app/datalevin.edn", "{}");
        target = new Target(null, host.path("/etc/app/datalevin.edn"));
        assertEquals(Status.SKIP, filesystem().status());
        Result r = device();
        assertEquals(Status.SKIP, r.status());
        assertTrue(r.message().contains("needs a live database directory"), r.message());
    }

    @Test
    void unreadableMountTableIsAnError() {
        host.delete("/proc/1/mountinfo");
        Result r = filesystem();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("mountinfo"), r.message());
    }
}
