package dev.dlvaudit.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.testing.Cli;
import dev.dlvaudit.testing.FakeHost;
import dev.dlvaudit.testing.PluginJar;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install.sh into a temporary prefix, the installed command, man page and completion, then --uninstall. */
class InstallIT {
    static final Path SCRIPT = Path.of("install.sh").toAbsolutePath();

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Run run(Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("NO_COLOR");
        pb.environment().putAll(env);
        File out = File.createTempFile("out", ".txt");
        File err = File.createTempFile("err", ".txt");
        try {
            Process p = pb.redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish: " + List.of(cmd));
            }
            return new Run(p.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        } finally {
            out.delete();
            err.delete();
        }
    }

    static Run run(String... cmd) throws Exception {
        return run(Map.of(), cmd);
    }

    @Test
    void installRunUninstall() throws Exception {
        Path prefix = Files.createDirectories(tmp.resolve("prefix"));
        Map<String, String> env = Map.of("DLV_AUDIT_CONFIG_DIR", tmp.resolve("etc").toString());
        Run install = run(env, "bash", SCRIPT.toString(), "--prefix", prefix.toString(), "--jar", Cli.jar().toString());
        assertEquals(0, install.exit(), install.toString());
        assertTrue(install.out().contains(prefix + "/bin is not on your PATH"), install.out());

        Path bin = prefix.resolve("bin/dlv-audit");
        Path lib = prefix.resolve("lib/dlv-audit");
        Path page = prefix.resolve("share/man/man1/dlv-audit.1");
        Path completion = prefix.resolve("share/bash-completion/completions/dlv-audit");
        for (Path p : List.of(bin, lib.resolve("dlv-audit.jar"), lib.resolve("dlv-audit.jsa"), page, completion)) {
            assertTrue(Files.isRegularFile(p), p + " not installed");
        }
        assertTrue(Files.isExecutable(bin));
        assertTrue(Files.isDirectory(lib.resolve("checks")));
        assertEquals(Files.readString(Path.of("man/dlv-audit.1")), Files.readString(page));

        Run version = run(env, bin.toString(), "--version");
        assertEquals(0, version.exit(), version.toString());
        String manifestVersion;
        try (JarFile jar = new JarFile(Cli.jar().toFile())) {
            manifestVersion = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        assertTrue(version.out().startsWith("dlv-audit " + manifestVersion + "\n"), version.out());
        assertEquals("", version.err());

        Run hostCheck = run(env, bin.toString(), "check");
        assertTrue(hostCheck.exit() == 0 || hostCheck.exit() == 1, hostCheck.toString());
        assertTrue(hostCheck.out().contains("Summary:"), hostCheck.out());
        FakeHost host = new FakeHost(Files.createDirectories(tmp.resolve("host")))
                .swap(1024).sysctl("vm.swappiness", "1").file("/proc/sys/kernel/hostname", "fakehost\n");
        Run check = run(env, bin.toString(), "check", "--host-root", host.root().toString(), "--only", "os.swappiness");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("PASS") && check.out().contains("fakehost"), check.out());

        // the checks directory next to the installed jar is loaded without an option
        Path plugin = new PluginJar().from(Path.of("checks/example/src")).build(lib.resolve("checks/site.jar"));
        Run list = run(env, bin.toString(), "list");
        assertTrue(list.out().contains("site.ntp-synced") && list.out().contains(plugin.toString()), list.toString());
        Files.delete(plugin);

        Run man = run(Map.of("MANPAGER", "cat", "PAGER", "cat", "MANWIDTH", "80"), "man", "-l", page.toString());
        assertEquals(0, man.exit(), man.toString());
        assertTrue(man.out().contains("DLV-AUDIT(1)") && man.out().contains("--checks-dir")
                && man.out().contains("EXIT STATUS"), man.out());
        assertEquals("", man.err(), "man warnings");

        Run syntax = run("bash", "-n", completion.toString());
        assertEquals(0, syntax.exit(), syntax.toString());

        // a second run is harmless: same files, still working
        String manifest = Files.readString(lib.resolve("install-manifest"));
        Run again = run(env, "bash", SCRIPT.toString(), "--prefix", prefix.toString(), "--jar", Cli.jar().toString());
        assertEquals(0, again.exit(), again.toString());
        assertEquals(manifest, Files.readString(lib.resolve("install-manifest")));
        assertEquals(0, run(env, bin.toString(), "--version").exit());

        Run uninstall = run("bash", SCRIPT.toString(), "--uninstall", "--prefix", prefix.toString());
        assertEquals(0, uninstall.exit(), uninstall.toString());
        try (Stream<Path> left = Files.list(prefix)) {
            assertEquals(List.of(), left.toList(), "left behind under " + prefix);
        }
    }

    @Test
    void uninstallKeepsFilesItDidNotInstall() throws Exception {
        Path prefix = tmp.resolve("p");
        assertEquals(0, run("bash", SCRIPT.toString(), "--prefix", prefix.toString(), "--jar", Cli.jar().toString()).exit());
        Path mine = Files.writeString(prefix.resolve("lib/dlv-audit/checks/mine.jar"), "x");
        Run uninstall = run("bash", SCRIPT.toString(), "--uninstall", "--prefix", prefix.toString());
        assertEquals(0, uninstall.exit(), uninstall.toString());
        assertTrue(Files.exists(mine));
        assertTrue(uninstall.out().contains("kept " + mine.getParent()), uninstall.out());
        assertFalse(Files.exists(prefix.resolve("bin")));
        assertFalse(Files.exists(prefix.resolve("share")));
    }

    /** A PATH holding only the tools install.sh uses, plus the given fakes. */
    private Path pathWith(Map<String, String> fakes) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("bash", "sed", "dirname", "id", "find", "sort", "tr", "head", "cut", "readlink",
                "mktemp", "install", "rm", "mv", "cat", "chmod", "apt-get")) {
            for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
                Path p = Path.of(dir, tool);
                if (Files.isExecutable(p)) {
                    Files.createSymbolicLink(bin.resolve(tool), p);
                    break;
                }
            }
        }
        for (Map.Entry<String, String> fake : fakes.entrySet()) {
            Path p = Files.writeString(bin.resolve(fake.getKey()), "#!/bin/sh\n" + fake.getValue() + "\n");
            p.toFile().setExecutable(true);
        }
        return bin;
    }

    private Run installWithout(Map<String, String> fakes) throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("src"));
        Files.copy(SCRIPT, copy.resolve("install.sh"));
        Map<String, String> env = new HashMap<>();
        env.put("PATH", pathWith(fakes).toString());
        env.put("JAVA_HOME", "");
        List<String> cmd = new ArrayList<>(List.of("/bin/bash", copy.resolve("install.sh").toString(),
                "--prefix", tmp.resolve("p").toString()));
        return run(env, cmd.toArray(String[]::new));
    }

    @Test
    void saysExactlyWhatIsMissingOnAFreshMachine() throws Exception {
        Run run = installWithout(Map.of());
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("Java 17 or newer (no java on the PATH"), run.err());
        assertTrue(run.err().contains("Maven, to build the jar"), run.err());
        assertTrue(run.err().contains("apt-get install -y maven openjdk-17-jdk-headless"), run.err());
        assertFalse(Files.exists(tmp.resolve("p")), "nothing installed");
    }

    @Test
    void namesAnOldJava() throws Exception {
        Run run = installWithout(Map.of("java", "echo 'openjdk version \"11.0.22\" 2024-01-16' >&2",
                "javac", "exit 0", "mvn", "exit 0"));
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.err().contains("Java 17 or newer (found Java 11.0.22 at "), run.err());
        assertFalse(run.err().contains("Maven"), run.err());
    }

    @Test
    void shellScriptsPassShellcheck() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("shellcheck", "install.sh", "man/regenerate.sh",
                "checks/example/build.sh"));
        try (Stream<Path> bench = Files.list(Path.of("bench"))) {
            bench.filter(p -> p.toString().endsWith(".sh")).forEach(p -> cmd.add(p.toString()));
        }
        Run run;
        try {
            run = run(cmd.toArray(String[]::new));
        } catch (IOException e) {
            throw new AssertionError("shellcheck is not installed: ./test.sh installs it (apt-get install shellcheck)");
        }
        assertEquals(0, run.exit(), run.toString());
        assertEquals("", run.out() + run.err());
        assertTrue(new String(Files.readAllBytes(SCRIPT), StandardCharsets.UTF_8).startsWith("#!/usr/bin/env bash\n"));
    }
}
