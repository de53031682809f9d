package dev.dlvaudit.host.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.FactException;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.testing.FakeHost;
import dev.dlvaudit.testing.FakeStorage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageProbeTest {
    @TempDir
    Path root;
    FakeHost host;
    FakeStorage storage;
    Path db;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).dir("/var/lib/app/db").file("/var/lib/app/db/data.mdb", "x");
        storage = new FakeStorage(host).mount("/", "8:1", "ext4", "/dev/sda1", "rw,relatime");
        db = host.path("/var/lib/app/db");
    }

    private StorageFacts probe() {
        return StorageProbe.probe(new HostFiles(root), db);
    }

    @Test
    void nvmePartitionResolvesToTheWholeDiskWithSchedulerAndReadAhead() {
        storage.mount("/var/lib", "259:2", "xfs", "/dev/nvme0n1p2", "rw,noatime")
                .disk("nvme0n1", "259:0", "0", "[none] mq-deadline", 128).partition("nvme0n1", "nvme0n1p2", "259:2");
        StorageFacts s = probe();
        assertEquals("/var/lib/app/db", s.hostPath());
        assertEquals("/var/lib", s.mount().mountPoint());
        assertEquals("xfs", s.mount().fsType());
        assertEquals("rw,noatime", s.mount().options());
        BlockDevice d = s.device().orElseThrow();
        assertEquals("nvme0n1p2", d.name());
        assertEquals("nvme0n1", d.disk());
        assertEquals(DeviceKind.NVME, s.kind());
        assertEquals("none", d.scheduler().orElseThrow());
        assertEquals(128, d.readAheadKb().getAsLong());
        assertTrue(s.freeBytes().isPresent());
    }

    @Test
    void rotationalAndSsdFromQueueRotational() {
        storage.disk("sda", "8:0", "1", "mq-deadline [bfq] none", 4096).partition("sda", "sda1", "8:1");
        assertEquals(DeviceKind.ROTATIONAL, probe().kind());
        assertEquals("bfq", probe().device().orElseThrow().scheduler().orElseThrow());
        storage.disk("sda", "8:0", "0", "none", 128);
        assertEquals(DeviceKind.SSD, probe().kind());
    }

    @Test
    void unknownWithoutQueueRotational() {
        storage.disk("sda", "8:0", null, null, 128).partition("sda", "sda1", "8:1");
        assertEquals(DeviceKind.UNKNOWN, probe().kind());
    }

    @Test
    void deviceMapperTakesTheWorstDiskBeneath() {
        storage.mount("/var/lib/app", "253:0", "ext4", "/dev/mapper/vg-data", "rw")
                .disk("sdb", "8:16", "0", "none", 128).disk("sdc", "8:32", "1", "none", 128)
                .partition("sdb", "sdb1", "8:17").virtual("dm-0", "253:0", "sdb1", "sdc");
        StorageFacts s = probe();
        assertEquals("dm-0", s.device().orElseThrow().name());
        assertEquals(List.of("sdb", "sdc"), s.device().orElseThrow().underlying());
        assertEquals(DeviceKind.ROTATIONAL, s.kind());
    }

    @Test
    void nvmeOverFabricsIsNetworkStorage() {
        storage.mount("/var/lib", "259:1", "ext4", "/dev/nvme1n1", "rw")
                .disk("nvme1n1", "259:1", "0", "none", 128).nvmeTransport(1, "tcp");
        StorageFacts s = probe();
        assertEquals(DeviceKind.NETWORK, s.kind());
        assertEquals("tcp", s.device().orElseThrow().transport().orElseThrow());
        storage.nvmeTransport(1, "pcie");
        assertEquals(DeviceKind.NVME, probe().kind());
    }

    @Test
    void networkAndMemoryFilesystemsHaveNoDevice() {
        storage.mount("/var/lib/app", "0:52", "nfs4", "filer:/export/app", "rw,hard");
        assertEquals(FsClass.NETWORK, probe().fsClass());
        assertEquals(DeviceKind.NETWORK, probe().kind());
        storage.mount("/var/lib/app/db", "0:53", "tmpfs", "tmpfs", "rw");
        assertEquals(FsClass.MEMORY, probe().fsClass());
        storage.mount("/var/lib/app/db", "0:54", "fuse.sshfs", "me@host:/db", "rw");
        assertEquals(FsClass.NETWORK, probe().fsClass());
    }

    @Test
    void longestPrefixByWholeComponentsAndLaterMountWins() {
        storage.mount("/var/lib/ap", "0:60", "tmpfs", "tmpfs", "rw")
                .mount("/var/lib/app", "0:61", "overlay", "overlay", "rw")
                .mount("/var", "0:62", "tmpfs", "tmpfs", "rw");
        assertEquals("/var/lib/app", probe().mount().mountPoint());
        assertEquals(FsClass.OVERLAY, probe().fsClass());
        storage.mount("/var/lib/app", "0:63", "ext4", "/dev/sdz", "rw");
        assertEquals("ext4", probe().mount().fsType());
    }

    @Test
    void escapedSpacesInMountPoints() {
        host.dir("/srv/my data/db");
        db = host.path("/srv/my data/db");
        storage.mount("/srv/my data", "0:70", "cifs", "//nas/share", "rw");
        StorageFacts s = probe();
        assertEquals("/srv/my data", s.mount().mountPoint());
        assertEquals(FsClass.NETWORK, s.fsClass());
    }

    @Test
    void anonymousDeviceNumberFallsBackToTheSourceName() {
        storage.mount("/var/lib", "0:45", "btrfs", "/dev/sdb", "rw").disk("sdb", "8:16", "0", "none", 128);
        assertEquals("sdb", probe().device().orElseThrow().name());
        assertEquals(DeviceKind.SSD, probe().kind());
    }

    @Test
    void selfMountinfoWhenPidOneIsAbsentAndAnErrorWhenNeither() {
        host.file("/proc/self/mountinfo", "30 1 8:1 / / rw - ext4 /dev/sda1 rw\n").delete("/proc/1/mountinfo");
        assertEquals("/", probe().mount().mountPoint());
        host.delete("/proc/self/mountinfo");
        FactException e = assertThrows(FactException.class, this::probe);
        assertTrue(e.getMessage().contains("mountinfo") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void malformedMountinfoNamesTheLine() {
        host.file("/proc/1/mountinfo", "garbage\n");
        FactException e = assertThrows(FactException.class, this::probe);
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("garbage"), e.getMessage());
    }
}
