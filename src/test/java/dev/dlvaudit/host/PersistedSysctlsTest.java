package dev.dlvaudit.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.FactException;
import dev.dlvaudit.testing.FakeHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd-sysctl's order and syntax on fake trees. */
class PersistedSysctlsTest {
    @TempDir
    Path root;
    FakeHost host;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root);
    }

    private PersistedSysctls read() {
        return PersistedSysctls.read(new HostFiles(root));
    }

    private String where(String key) {
        PersistedSysctls.Assignment a = read().last(key).orElseThrow();
        return a.value() + " @ " + root.relativize(a.file());
    }

    @Test
    void noDirectoriesAtAllIsNothingPersisted() {
        PersistedSysctls p = read();
        assertTrue(p.files().isEmpty() && p.assignments().isEmpty());
        assertTrue(p.last("vm.swappiness").isEmpty());
    }

    @Test
    void syntaxOfAssignmentsAndComments() {
        host.file("/etc/sysctl.d/10-a.conf", String.join("\n",
                "# vm.swappiness = 99", "; vm.swappiness = 98", "   # indented comment",
                "vm.swappiness=5", "vm/dirty_ratio = 7", "-vm.dirty_bytes = 123", "not an assignment",
                "  vm.overcommit_memory\t=\t 2  ", "kernel/domainname = example.com", ""));
        PersistedSysctls p = read();
        assertEquals("5", p.last("vm.swappiness").get().value());
        assertEquals(4, p.last("vm.swappiness").get().line());
        assertEquals("7", p.last("vm.dirty_ratio").get().value());
        assertTrue(p.last("vm.dirty_bytes").get().ignoreErrors());
        assertEquals("123", p.last("vm.dirty_bytes").get().value());
        assertEquals("2", p.last("vm.overcommit_memory").get().value());
        assertEquals("example.com", p.last("kernel.domainname").get().value());
    }

    @Test
    void slashSeparatedKeysKeepLiteralDots() {
        assertEquals("net.ipv4.conf.eth0/1.rp_filter", PersistedSysctls.normalize("net/ipv4/conf/eth0.1/rp_filter"));
        assertEquals("net.ipv4.conf.eth0/1.rp_filter", PersistedSysctls.normalize("net.ipv4.conf.eth0/1.rp_filter"));
        assertEquals("vm.swappiness", PersistedSysctls.normalize("/vm/swappiness"));
    }

    @Test
    void sameBasenameInEtcOverridesUsrLib() {
        host.file("/usr/lib/sysctl.d/50-x.conf", "vm.swappiness = 60\nvm.dirty_ratio = 30\n")
                .file("/etc/sysctl.d/50-x.conf", "vm.swappiness = 1\n");
        assertEquals("1 @ etc/sysctl.d/50-x.conf", where("vm.swappiness"));
        assertTrue(read().last("vm.dirty_ratio").isEmpty(), "the /usr/lib file is shadowed as a whole");
    }

    @Test
    void runOverridesUsrLocalLibAndUsrLibForTheSameBasename() {
        host.file("/usr/lib/sysctl.d/50-x.conf", "vm.swappiness = 60\n")
                .file("/usr/local/lib/sysctl.d/50-x.conf", "vm.swappiness = 30\n")
                .file("/run/sysctl.d/50-x.conf", "vm.swappiness = 2\n");
        assertEquals("2 @ run/sysctl.d/50-x.conf", where("vm.swappiness"));
    }

    @Test
    void laterBasenameWinsWhicheverDirectoryItIsIn() {
        host.file("/etc/sysctl.d/10-early.conf", "vm.swappiness = 1\n")
                .file("/usr/lib/sysctl.d/99-late.conf", "vm.swappiness = 60\n");
        assertEquals("60 @ usr/lib/sysctl.d/99-late.conf", where("vm.swappiness"));
    }

    @Test
    void laterLineInTheSameFileWins() {
        host.file("/etc/sysctl.d/10-a.conf", "vm.swappiness = 1\nvm.swappiness = 20\n");
        assertEquals("20 @ etc/sysctl.d/10-a.conf", where("vm.swappiness"));
    }

    @Test
    void sysctlConfIsAppliedLast() {
        host.file("/etc/sysctl.conf", "vm.swappiness = 10\n")
                .file("/etc/sysctl.d/zz-last.conf", "vm.swappiness = 1\n");
        assertEquals("10 @ etc/sysctl.conf", where("vm.swappiness"));
        List<Path> files = read().files();
        assertTrue(files.get(files.size() - 1).endsWith("etc/sysctl.conf"), files.toString());
    }

    @Test
    void onlyConfFilesCount() {
        host.file("/etc/sysctl.d/README.sysctl", "vm.swappiness = 99\n")
                .file("/etc/sysctl.d/10-a.conf.bak", "vm.swappiness = 98\n");
        assertTrue(read().last("vm.swappiness").isEmpty());
    }

    @Test
    void aLinkToDevNullMasksTheVendorFile() throws Exception {
        host.file("/usr/lib/sysctl.d/50-x.conf", "vm.swappiness = 60\n").dir("/etc/sysctl.d");
        Files.createSymbolicLink(host.path("/etc/sysctl.d/50-x.conf"), Path.of("/dev/null"));
        assertTrue(read().last("vm.swappiness").isEmpty());
    }

    @Test
    void unreadableFileIsAnErrorNamingIt() throws Exception {
        host.file("/etc/sysctl.d/10-a.conf", "vm.swappiness = 1\n");
        Path p = host.path("/etc/sysctl.d/10-a.conf");
        p.toFile().setReadable(false);
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(p), "running as root");
        FactException e = Assertions.assertThrows(FactException.class, this::read);
        assertTrue(e.getMessage().contains("10-a.conf: permission denied"), e.getMessage());
    }
}
