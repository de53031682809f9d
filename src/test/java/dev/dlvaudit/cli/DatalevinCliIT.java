package dev.dlvaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlvaudit.testing.Cli;
import dev.dlvaudit.testing.FakeHost;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dlv-audit check with Datalevin directories and options files, run from the packaged jar. */
class DatalevinCliIT {
    @TempDir
    Path root;
    @TempDir
    Path work;

    @BeforeEach
    void host() {
        new FakeHost(root).swap(1024 * 1024).sysctl("vm.swappiness", "1")
                .file("/proc/sys/kernel/hostname", "fakehost\n");
    }

    static String fixture(String name) {
        try {
            return Path.of(DatalevinCliIT.class.getResource("/fixtures/datalevin/" + name + "/db").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String opts(String edn) throws IOException {
        return Files.writeString(work.resolve("app-opts.edn"), edn).toString();
    }

    /** {@code check --host-root ROOT [--only dl] ARGS}, output with whitespace runs folded (the report wraps). */
    Cli.Run check(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("check", "--host-root", root.toString()));
        if (!java.util.List.of(args).contains("--only")) {
            all.addAll(java.util.List.of("--only", "dl"));
        }
        all.addAll(java.util.List.of(args));
        Cli.Run run = Cli.run(all.toArray(String[]::new));
        return new Cli.Run(run.exitCode(), run.out().replaceAll("\\s+", " "), run.err());
    }

    @Test
    void walDirectoryPassesAndReportsTheDatalevinVersion() {
        Cli.Run run = check("--skip", "dl.backups", fixture("dl-wal"));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("dl.wal"), run.out());
        assertTrue(run.out().contains("datalevin version 0.10.7"), run.out());
        assertFalse(run.out().contains("FAIL "), run.out());
    }

    @Test
    void jsonReportCarriesTheVersion() throws IOException {
        Cli.Run run = Cli.run("check", "--host-root", root.toString(), "--only", "dl", "--format", "json",
                "--skip", "dl.backups", fixture("dl-nosync"));
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("0.10.7", json.path("environment").path("datalevin_version").asText(), run.out());
    }

    @Test
    void optionsFileAloneIsTheCiGate() throws IOException {
        Cli.Run run = check("--opts", opts("{:kv-opts {:mapsize 10000 :flags #{:nordahead :nosync}}}"));
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("dl.nosync"), run.out());
        assertTrue(run.out().contains("Remove :nosync from :kv-opts :flags"), run.out());
        assertTrue(run.out().contains("SKIP"), run.out());
        Cli.Run ok = check("--opts", opts("{:wal? true :kv-opts {:flags #{:nordahead :notls}}}"));
        assertEquals(0, ok.exitCode(), ok.toString());
    }

    @Test
    void optionsFileDisagreeingWithTheDirectory() throws IOException {
        String f = opts("{:wal? true :kv-opts {:mapsize 10000 :max-readers 1024}}");
        Cli.Run run = check("--only", "dl.options-drift", "--opts", f, fixture("dl-nosync"));
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("WARN"), run.out());
        assertTrue(run.out().contains(":mapsize 10000 MiB"), run.out());
        Cli.Run strict = check("--only", "dl.options-drift", "--opts", f, "--fail-on", "warn", fixture("dl-nosync"));
        assertEquals(1, strict.exitCode(), strict.toString());
    }

    @Test
    void malformedOptionsFileExitsTwoBeforeAnyAudit() throws IOException {
        String f = opts("{:wal? true\n :kv-opts {:mapsize 10\n");
        Cli.Run run = check("--opts", f, fixture("dl-wal"));
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(f + ":2:"), run.err());
        assertTrue(run.err().contains("expected"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void backupDirWithoutValidCopiesFails() throws IOException {
        Path backups = Files.createDirectories(work.resolve("backups/2026-01-01"));
        Files.write(backups.resolve("data.mdb"), new byte[100]);
        Cli.Run run = check("--only", "dl.backups", "--backup-dir", work.resolve("backups").toString(),
                fixture("kv-default"));
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("not a valid database"), run.out());
        assertEquals(2, check("--backup-dir", work.resolve("nope").toString(), fixture("kv-default")).exitCode());
    }
}
