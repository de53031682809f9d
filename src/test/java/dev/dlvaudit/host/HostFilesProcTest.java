package dev.dlvaudit.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads of the real /proc/sys, whose files answer EOF to any read at a non-zero offset. */
class HostFilesProcTest {

    @Test
    void multiDigitSysctlIsReadWhole() throws Exception {
        for (String key : new String[] {"vm/swappiness", "vm/dirty_ratio", "kernel/pid_max"}) {
            Path p = Path.of("/proc/sys", key);
            assumeTrue(Files.isReadable(p), p + " is not readable here");
            Process cat = new ProcessBuilder("cat", p.toString()).start();
            String expected = new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cat.waitFor();
            assertEquals(expected, new HostFiles(Path.of("/")).read("/proc/sys/" + key), key);
        }
    }
}
