package dev.dlvaudit.checks.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.testing.CheckRunner;
import dev.dlvaudit.testing.FakeHost;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThpDefragCheckTest {
    static final String DEFRAG = "/sys/kernel/mm/transparent_hugepage/defrag";
    @TempDir
    Path root;
    FakeHost host;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).goodKernel();
    }

    private Result run(String defrag, String enabled) {
        host.file(DEFRAG, defrag + "\n").file(ThpCheckTest.ENABLED, enabled + "\n");
        return new CheckRunner(root).one(new ThpDefragCheck());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[always] defer defer+madvise madvise never|[always] madvise never|WARN",
        "[always] defer defer+madvise madvise never|always [madvise] never|WARN",
        "[always] defer defer+madvise madvise never|always madvise [never]|PASS",
        "always defer defer+madvise [madvise] never|[always] madvise never|PASS",
        "always [defer] defer+madvise madvise never|[always] madvise never|PASS",
        "always defer [defer+madvise] madvise never|[always] madvise never|PASS",
        "always defer defer+madvise madvise [never]|[always] madvise never|PASS"})
    void alwaysWarnsOnlyWhenThpCanBeActive(String defrag, String enabled, Status expected) {
        Result r = run(defrag, enabled);
        assertEquals(expected, r.status(), r.message());
        if (expected == Status.WARN) {
            assertTrue(r.fix().contains("echo madvise > " + DEFRAG), r.fix());
            assertTrue(r.fix().contains("/etc/tmpfiles.d/"), r.fix());
        }
    }

    @Test
    void defragWithoutBracketsIsAnErrorNamingFileAndContent() {
        Result r = run("always defer madvise never", "always [madvise] never");
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains(DEFRAG) && r.message().contains("'always defer madvise never'"), r.message());
    }

    @Test
    void alwaysWithUnreadableEnabledIsAnError() {
        Result r = run("[always] madvise never", "");
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("transparent_hugepage/enabled"), r.message());
    }

    @Test
    void enabledIsNotNeededWhenDefragIsHarmless() {
        host.delete(ThpCheckTest.ENABLED).file(DEFRAG, "always defer defer+madvise [madvise] never\n");
        assertEquals(Status.PASS, new CheckRunner(root).one(new ThpDefragCheck()).status());
    }

    @Test
    void kernelWithoutThpIsInfo() throws Exception {
        ThpCheckTest.deleteThp(host);
        assertEquals(Status.INFO, new CheckRunner(root).one(new ThpDefragCheck()).status());
    }

    @Test
    void inAContainerTheFixSaysSetOnTheHost() {
        host.file("/.dockerenv", "");
        Result r = run("[always] madvise never", "[always] madvise never");
        assertTrue(r.fix().contains("set them on the host"), r.fix());
    }
}
