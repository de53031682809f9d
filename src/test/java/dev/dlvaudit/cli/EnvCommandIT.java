package dev.dlvaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.dlvaudit.testing.Cli;
import dev.dlvaudit.testing.FakeDataFile;
import dev.dlvaudit.testing.FakeHost;
import dev.dlvaudit.testing.FakeProcess;
import dev.dlvaudit.testing.FakeStorage;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dlv-audit env, and the storage facts in check's environment block, run from the packaged jar on a fake host. */
class EnvCommandIT {
    @TempDir
    Path root;
    FakeHost host;
    Path db;

    @BeforeEach
    void fakeHost() {
        host = new FakeHost(root).file("/proc/sys/kernel/hostname", "fakehost\n")
                .file("/proc/sys/kernel/osrelease", "6.1.0-test\n")
                .file("/proc/meminfo", "MemTotal:       16777216 kB\nSwapTotal:       1048576 kB\n")
                .file("/sys/class/dmi/id/sys_vendor", "QEMU\n").file("/sys/class/dmi/id/product_name", "Standard PC\n")
                .file("/sys/devices/system/node/online", "0-1\n")
                .file("/sys/fs/cgroup/cgroup.controllers", "cpu memory\n")
                .file("/sys/fs/cgroup/memory.max", "max\n")
                .file("/proc/1/cgroup", "0::/\n")
                .swap(1048576).sysctl("vm.swappiness", "1");
        new FakeStorage(host).mount("/", "8:1", "ext4", "/dev/sda1", "rw,relatime")
                .mount("/var/lib", "259:2", "xfs", "/dev/nvme0n1p2", "rw,noatime")
                .disk("nvme0n1", "259:0", "0", "[none] mq-deadline", 256).partition("nvme0n1", "nvme0n1p2", "259:2");
        db = FakeDataFile.write(host.path("/var/lib/app/db/data.mdb"), 1L << 30, 100).getParent();
        new FakeProcess(host, 321).maps("/var/lib/app/db/data.mdb", 1L << 30, 2048);
    }

    @Test
    void textShowsHostStorageAndProcesses() {
        Cli.Run run = Cli.run("--host-root", root.toString(), "env", db.toString());
        assertEquals(0, run.exitCode(), run.toString());
        for (String expected : new String[] {"kernel:", "6.1.0-test", "cgroup:", "v2", "virtual_machine:", "QEMU",
            "numa_nodes:", "2", "mount_point:", "/var/lib", "filesystem:", "xfs", "rw,noatime", "device:", "nvme0n1p2",
            "disk:", "nvme0n1", "kind:", "NVMe", "scheduler:", "none", "read_ahead_kb:", "256", "data_mdb_vs_ram:",
            "pid:", "321", "resident_bytes:", "2 MiB"}) {
            assertTrue(run.out().contains(expected), expected + " missing in\n" + run.out());
        }
    }

    @Test
    void jsonIsParseableAndNamesTheProcess() throws Exception {
        Cli.Run run = Cli.run("--host-root", root.toString(), "env", "--format", "json", db.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode env = new ObjectMapper().readTree(run.out());
        JsonNode d = env.get("databases").get(0);
        assertEquals("NVMe", d.get("kind").asText());
        assertEquals(321, d.get("processes").get(0).get("pid").asInt());
        assertEquals(2048L * 1024, d.get("processes").get(0).get("resident_bytes").asLong());
    }

    @Test
    void sampleAddsActivity() throws Exception {
        Cli.Run run = Cli.run("--host-root", root.toString(), "env", "--format", "json", "--sample", "0.2", db.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode activity = new ObjectMapper().readTree(run.out()).get("databases").get(0).get("activity");
        assertTrue(activity.get("seconds").asDouble() >= 0.2, activity.toString());
        assertTrue(activity.get("writer_lock").get("not_available").asText().contains("no lock file"), activity.toString());
        assertEquals(2, Cli.run("env", "--sample", "-1").exitCode());
    }

    @Test
    void missingDatabaseIsAClearFailure() {
        Cli.Run run = Cli.run("--host-root", root.toString(), "env", root.resolve("nope").toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("nope") && run.err().contains("no such database directory"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void checkReportCarriesStorageFactsAndFollowsTheSchema() throws Exception {
        Cli.Run run = Cli.run("--host-root", root.toString(), "check", "--format", "json", "--only",
                "db.filesystem,db.device,proc", db.toString());
        JsonNode report = new ObjectMapper().readTree(run.out());
        try (InputStream in = getClass().getResourceAsStream("/dev/dlvaudit/report/report.schema.json")) {
            var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(report);
            assertTrue(errors.isEmpty(), errors.toString());
        }
        JsonNode d = report.get("environment").get("databases").get(0);
        assertEquals("xfs", d.get("filesystem").asText());
        assertEquals("NVMe", d.get("kind").asText());
        assertEquals("v2", report.get("environment").get("cgroup").asText());
        boolean sawDevicePass = false;
        boolean sawMajorFaultsSkip = false;
        for (JsonNode r : report.get("results")) {
            sawDevicePass |= r.get("id").asText().equals("db.device") && r.get("status").asText().equals("PASS");
            sawMajorFaultsSkip |= r.get("id").asText().equals("proc.major-faults") && r.get("status").asText().equals("SKIP");
        }
        assertTrue(sawDevicePass && sawMajorFaultsSkip, run.out());
    }
}
