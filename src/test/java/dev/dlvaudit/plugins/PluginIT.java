package dev.dlvaudit.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.testing.Cli;
import dev.dlvaudit.testing.FakeHost;
import dev.dlvaudit.testing.PluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin of checks/example, compiled and packaged as a plugin author would, dropped
 * into a check directory and run through the packaged jar; and plugins that misbehave.
 */
class PluginIT {
    static final Path EXAMPLE = Path.of("checks/example/src");

    @TempDir
    Path tmp;
    Path checks;
    Path config;
    FakeHost host;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        checks = Files.createDirectories(tmp.resolve("checks"));
        config = Files.createDirectories(tmp.resolve("etc"));
        env = Map.of("DLV_AUDIT_CONFIG_DIR", config.toString());
        host = new FakeHost(Files.createDirectories(tmp.resolve("host")))
                .swap(1024).sysctl("vm.swappiness", "1").file("/proc/sys/kernel/hostname", "fakehost\n");
    }

    private Path exampleJar(Path dir, String name) {
        return new PluginJar().from(EXAMPLE).build(dir.resolve(name));
    }

    private Cli.Run run(String... args) {
        return Cli.run(env, args);
    }

    @Test
    void examplePluginIsListedWithItsJarAndExplained() {
        Path jar = exampleJar(checks, "site-timesync.jar");
        Cli.Run list = run("--checks-dir", checks.toString(), "list");
        assertEquals(0, list.exitCode(), list.toString());
        String line = list.out().lines().filter(l -> l.startsWith("site.ntp-synced")).findFirst().orElse("");
        assertTrue(line.contains("site") && line.contains("warn") && line.contains(jar.toString()), list.out());
        assertTrue(list.out().contains("os.swappiness"), "built-in checks are still listed: " + list.out());

        Cli.Run explain = run("explain", "site.ntp-synced", "--checks-dir", checks.toString());
        assertEquals(0, explain.exitCode(), explain.toString());
        assertTrue(explain.out().contains("Origin:     " + jar), explain.out());
        assertTrue(explain.out().contains("/run/systemd/timesync/synchronized"), explain.out());
    }

    @Test
    void examplePluginPassesWarnsAndSkipsOnTheFactsItsOwnProviderReads() {
        exampleJar(checks, "site-timesync.jar");
        String root = host.root().toString();

        host.file("/run/systemd/timesync/synchronized", "");
        Cli.Run synced = run("--checks-dir", checks.toString(), "check", "--host-root", root, "--only", "site,os.swappiness");
        assertEquals(0, synced.exitCode(), synced.toString());
        assertTrue(synced.out().matches("(?s).*PASS\\s+site\\.ntp-synced.*"), synced.out());
        assertTrue(synced.out().matches("(?s).*PASS\\s+os\\.swappiness.*"), synced.out());

        host.delete("/run/systemd/timesync/synchronized");
        Cli.Run unsynced = run("--checks-dir", checks.toString(), "check", "--host-root", root,
                "--only", "site", "--fail-on", "warn");
        assertEquals(1, unsynced.exitCode(), unsynced.toString());
        assertTrue(unsynced.out().matches("(?s).*WARN\\s+site\\.ntp-synced\\s+systemd-timesyncd runs but has not.*"),
                unsynced.out());
        assertTrue(unsynced.out().contains("timedatectl set-ntp true"), unsynced.out());

        host.delete("/run/systemd/timesync");
        Cli.Run absent = run("--checks-dir", checks.toString(), "check", "--host-root", root, "--only", "site");
        assertEquals(0, absent.exitCode(), absent.toString());
        assertTrue(absent.out().matches("(?s).*SKIP\\s+site\\.ntp-synced\\s+systemd-timesyncd does not run.*"),
                absent.out());
    }

    @Test
    void configDirectoryChecksDIsLoadedWithoutAnOption() throws IOException {
        Path jar = exampleJar(Files.createDirectories(config.resolve("checks.d")), "site.jar");
        Cli.Run list = run("list");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("site.ntp-synced") && list.out().contains(jar.toString()), list.out());
    }

    @Test
    void theUsersConfigDirectoryIsReadWhenNoConfigDirIsSet() throws IOException {
        Path xdg = Files.createDirectories(tmp.resolve("xdg"));
        Path jar = exampleJar(Files.createDirectories(xdg.resolve("dlv-audit/checks.d")), "site.jar");
        Cli.Run list = Cli.run(Map.of("XDG_CONFIG_HOME", xdg.toString()), "list");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("site.ntp-synced") && list.out().contains(jar.toString()), list.out());

        Cli.Run overridden = Cli.run(Map.of("XDG_CONFIG_HOME", xdg.toString(),
                "DLV_AUDIT_CONFIG_DIR", config.toString()), "list");
        assertTrue(!overridden.out().contains("site.ntp-synced"), "DLV_AUDIT_CONFIG_DIR replaces it: " + overridden.out());
    }

    @Test
    void aThrowingAndAHangingPluginAreErrorsAndTheOtherChecksStillRun() {
        new PluginJar()
                .source("bad/Throws.java", badCheck("Throws", "bad.throws",
                        "throw new IllegalStateException(\"plugin bug at /x\");"))
                .source("bad/Hangs.java", badCheck("Hangs", "bad.hangs",
                        "while (true) { try { Thread.sleep(60_000); } catch (InterruptedException e) { } }"))
                .service(Check.class, "bad.Throws").service(Check.class, "bad.Hangs")
                .build(checks.resolve("bad.jar"));
        exampleJar(checks, "site-timesync.jar");
        host.file("/run/systemd/timesync/synchronized", "");

        long start = System.nanoTime();
        Cli.Run run = run("--checks-dir", checks.toString(), "check", "--host-root", host.root().toString(),
                "--timeout", "1");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s).*ERROR\\s+bad\\.throws\\s+IllegalStateException: plugin bug at /x.*"),
                run.out());
        assertTrue(run.out().matches("(?s).*ERROR\\s+bad\\.hangs\\s+the check did not finish within 1 s.*"), run.out());
        assertTrue(run.out().matches("(?s).*PASS\\s+os\\.swappiness.*"), run.out());
        assertTrue(run.out().matches("(?s).*PASS\\s+site\\.ntp-synced.*"), run.out());
        assertTrue(seconds < 30, "a hanging plugin must not hold the run: " + seconds + " s");
    }

    private static String badCheck(String name, String id, String body) {
        return "package bad;\n"
                + "import dev.dlvaudit.api.*;\nimport java.util.List;\n"
                + "@CheckSpec(id = \"" + id + "\", title = \"misbehaves\", severity = Severity.FAIL,"
                + " scope = Scope.HOST, rationale = \"r\", reads = \"nothing\", fix = \"f\")\n"
                + "public final class " + name + " implements Check {\n"
                + "  public List<Finding> evaluate(CheckContext c) { " + body + " }\n}\n";
    }

    @Test
    void twoChecksWithOneIdAreAConfigurationErrorNamingBothJars() throws IOException {
        Path a = exampleJar(checks, "a.jar");
        Path b = Files.copy(a, checks.resolve("b.jar"));
        Cli.Run run = run("--checks-dir", checks.toString(), "check");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("site.ntp-synced") && run.err().contains(a.toString())
                && run.err().contains(b.toString()), run.err());
        assertTrue(run.out().isEmpty(), "nothing audited: " + run.out());
    }

    @Test
    void aPluginReusingABuiltInIdIsRefused() {
        Path jar = new PluginJar()
                .source("dup/Swap.java", badCheck("Swap", "os.swappiness", "return List.of(Finding.pass(\"x\"));")
                        .replace("package bad;", "package dup;"))
                .service(Check.class, "dup.Swap").build(checks.resolve("dup.jar"));
        Cli.Run run = run("list", "--checks-dir", checks.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("os.swappiness") && run.err().contains("built-in")
                && run.err().contains(jar.toString()), run.err());
    }

    @Test
    void aPluginCannotReplaceABuiltInFact() {
        Path jar = new PluginJar()
                .source("evil/FakeContainer.java", "package evil;\n"
                        + "import dev.dlvaudit.api.*;\nimport dev.dlvaudit.host.Container;\n"
                        + "public final class FakeContainer implements FactProvider<Container> {\n"
                        + "  public Class<Container> type() { return Container.class; }\n"
                        + "  public Scope scope() { return Scope.HOST; }\n"
                        + "  public Container read(CheckContext c) { return null; }\n}\n")
                .service(FactProvider.class, "evil.FakeContainer").build(checks.resolve("evil.jar"));
        Cli.Run run = run("check", "--checks-dir", checks.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(jar.toString()) && run.err().contains("dev.dlvaudit.host.Container"), run.err());
    }

    @Test
    void worldWritableDirectoryOrJarIsRefusedWithTheReason() throws IOException {
        Path jar = exampleJar(checks, "site.jar");
        Files.setPosixFilePermissions(checks, PosixFilePermissions.fromString("rwxrwxrwx"));
        Cli.Run dir = run("--checks-dir", checks.toString(), "check");
        assertEquals(2, dir.exitCode(), dir.toString());
        assertTrue(dir.err().contains("refusing check directory " + checks) && dir.err().contains("world-writable")
                && dir.err().contains("chmod o-w " + checks), dir.err());

        Files.setPosixFilePermissions(checks, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-rw-rw-"));
        Cli.Run file = run("--checks-dir", checks.toString(), "list");
        assertEquals(2, file.exitCode(), file.toString());
        assertTrue(file.err().contains("refusing plugin jar " + jar) && file.err().contains("world-writable"), file.err());
    }

    @Test
    void aWorldWritableDirectoryAboveTheChecksIsRefusedUnlessSticky() throws IOException {
        Path open = Files.createDirectories(tmp.resolve("open"));
        Path inner = Files.createDirectories(open.resolve("checks"));
        exampleJar(inner, "site.jar");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Cli.Run run = run("--checks-dir", inner.toString(), "list");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("the directory " + open + " above it is world-writable"), run.err());

        Files.setAttribute(open, "unix:mode", 01777);
        Cli.Run sticky = run("--checks-dir", inner.toString(), "list");
        assertEquals(0, sticky.exitCode(), sticky.toString());
        assertTrue(sticky.out().contains("site.ntp-synced"), sticky.out());
    }

    @Test
    void asRootAJarOwnedByAnotherUserIsRefused() throws IOException {
        assumeTrue((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0, "needs root");
        Path jar = exampleJar(checks, "site.jar");
        Files.setAttribute(jar, "unix:uid", 65534);
        Cli.Run run = run("--checks-dir", checks.toString(), "check");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("refusing plugin jar " + jar) && run.err().contains("uid 65534")
                && run.err().contains("chown root " + jar), run.err());
    }

    @Test
    void aBrokenJarIsAConfigurationErrorNamingIt() throws IOException {
        Path corrupt = Files.writeString(checks.resolve("corrupt.jar"), "not a zip");
        Cli.Run run = run("--checks-dir", checks.toString(), "list");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("plugin jar " + corrupt + " cannot be read as a jar"), run.err());
        Files.delete(corrupt);

        Path missing = new PluginJar().service(Check.class, "no.such.Check").build(checks.resolve("missing.jar"));
        Cli.Run listed = run("--checks-dir", checks.toString(), "check");
        assertEquals(2, listed.exitCode(), listed.toString());
        assertTrue(listed.err().contains("plugin jar " + missing) && listed.err().contains("no.such.Check not found"),
                listed.err());
        assertTrue(!listed.err().contains("\tat "), "no stack trace: " + listed.err());
    }

    @Test
    void aPluginWhoseConstructorHangsStopsTheRunNamingTheJar() {
        Path jar = new PluginJar()
                .source("bad/Stuck.java", badCheck("Stuck", "bad.stuck", "return List.of();")
                        .replace("public final class Stuck implements Check {",
                                "public final class Stuck implements Check {\n  public Stuck() {"
                                + " while (true) { try { Thread.sleep(60_000); } catch (InterruptedException e) { } } }"))
                .service(Check.class, "bad.Stuck").build(checks.resolve("stuck.jar"));
        Cli.Run run = run("--checks-dir", checks.toString(), "check");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("plugin jar " + jar + " did not load within 5 s"), run.err());
    }

    @Test
    void aJarReachingForOtherJarsIsRefused() {
        Path jar = new PluginJar().from(EXAMPLE).manifest("Class-Path", "/tmp/anyone-can-write-here.jar")
                .build(checks.resolve("site.jar"));
        Cli.Run run = run("--checks-dir", checks.toString(), "list");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("plugin jar " + jar + " names other jars in its manifest"), run.err());
    }

    @Test
    void aMissingChecksDirIsAUsageErrorAndAMissingDefaultIsFine() {
        Cli.Run missing = run("--checks-dir", tmp.resolve("nope").toString(), "list");
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("--checks-dir: " + tmp.resolve("nope") + " does not exist"), missing.err());

        Cli.Run defaults = Cli.run(Map.of("DLV_AUDIT_CONFIG_DIR", tmp.resolve("no-such-etc").toString()), "list");
        assertEquals(0, defaults.exitCode(), defaults.toString());
    }
}
