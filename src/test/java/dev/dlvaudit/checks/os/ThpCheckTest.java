package dev.dlvaudit.checks.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.Result;
import dev.dlvaudit.testing.CheckRunner;
import dev.dlvaudit.testing.FakeHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThpCheckTest {
    static final String ENABLED = "/sys/kernel/mm/transparent_hugepage/enabled";
    @TempDir
    Path root;
    FakeHost host;

    @BeforeEach
    void setUp() {
        host = new FakeHost(root).goodKernel();
    }

    private Result run() {
        return new CheckRunner(root).one(new ThpCheck());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[always] madvise never|WARN|always", "always [madvise] never|PASS|madvise",
        "always madvise [never]|PASS|never", "  always madvise [never]  |PASS|never"})
    void theBracketedWordDecides(String content, Status expected, String mode) {
        host.file(ENABLED, content + "\n");
        Result r = run();
        assertEquals(expected, r.status(), r.message());
        assertEquals(mode, r.observed());
        assertTrue(r.evidence().endsWith(ENABLED), r.evidence());
        if (expected == Status.WARN) {
            assertTrue(r.fix().contains("echo madvise > /sys/kernel/mm/transparent_hugepage/enabled"), r.fix());
            assertTrue(r.fix().contains("transparent_hugepage=madvise"), r.fix());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"always madvise never", "''", "madvise", "[]"})
    void withoutABracketedWordItIsAnErrorNamingFileAndContent(String content) {
        host.file(ENABLED, content);
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains(ENABLED) && r.message().contains("found '" + content.trim() + "'"), r.message());
    }

    @Test
    void unknownModeIsAnError() {
        host.file(ENABLED, "always [sometimes] never\n");
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains("unknown mode 'sometimes'"), r.message());
    }

    @Test
    void missingFileInAnExistingDirectoryIsAnErrorNamingThePath() {
        host.delete(ENABLED);
        Result r = run();
        assertEquals(Status.ERROR, r.status());
        assertTrue(r.message().contains(ENABLED + ": no such file"), r.message());
    }

    @Test
    void kernelWithoutThpIsInfo() throws IOException {
        deleteThp(host);
        Result r = run();
        assertEquals(Status.INFO, r.status(), r.message());
        assertTrue(r.message().contains("no Transparent Huge Pages"), r.message());
    }

    @Test
    void inAContainerTheFixSaysSetOnTheHost() {
        host.file(ENABLED, "[always] madvise never\n").file("/run/.containerenv", "");
        Result r = run();
        assertTrue(r.fix().contains("podman container") && r.fix().contains("set them on the host"), r.fix());
    }

    static void deleteThp(FakeHost host) throws IOException {
        host.delete(ENABLED).delete("/sys/kernel/mm/transparent_hugepage/defrag");
        Files.delete(host.path("/sys/kernel/mm/transparent_hugepage"));
    }
}
