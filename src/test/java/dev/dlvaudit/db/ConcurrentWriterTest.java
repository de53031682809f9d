package dev.dlvaudit.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads a stock env while another process commits continuously for 12 s: every read ends in
 * consistent facts (no used page beyond the file, no more free pages than used ones) or an explicit
 * INCONSISTENT state; nothing throws.
 */
class ConcurrentWriterTest {
    static final int SECONDS = 12;

    @Test
    void readsStayConsistentUnderAContinuousWriter(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("env"));
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ContinuousWriter.class.getName(), dir.toString(),
                Integer.toString(SECONDS)).redirectErrorStream(true).start();
        int complete = 0;
        int inconsistent = 0;
        int entryReads = 0;
        int movedOn = 0;
        int shortFiles = 0;
        long firstTxn = -1;
        long lastTxn = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("started", line, "the writer did not start");
            while (writer.isAlive()) {
                try (DatabaseReader r = DatabaseReader.open(dir)) {
                    DatabaseFacts f = r.facts();
                    assertTrue(f.problems().stream().allMatch(p -> p.kind() == Problem.Kind.WALK_INCONSISTENT
                            || p.kind() == Problem.Kind.META_UNSTABLE), () -> f.problems().toString());
                    if (f.walkState() == WalkState.COMPLETE) {
                        complete++;
                        long used = f.pagesUsed().getAsLong();
                        long filePages = f.dataFileSize() / f.pageSize();
                        long free = f.freeList().orElseThrow().freePages();
                        // LMDB commits pages allocated and freed in one txn to the free list without writing
                        // them, so the file may end before last_pg; such pages must all be free (the reader
                        // checks their numbers and reports TRUNCATED otherwise, failing the assertion above)
                        if (used > filePages) {
                            shortFiles++;
                        }
                        assertTrue(used - filePages <= free, "used pages beyond the file that are not free");
                        assertTrue(free <= used, "more free pages than used");
                        long dbiPages = f.dbis().stream().mapToLong(d -> d.record().totalPages()).sum();
                        assertTrue(dbiPages <= used);
                        lastTxn = f.txnid().getAsLong();
                        if (firstTxn < 0) {
                            firstTxn = lastTxn;
                        }
                        try {
                            r.entries("a", Integer.MAX_VALUE);
                            entryReads++;
                        } catch (DatabaseFormatException e) {
                            // moved on while reading: said so, not wrong
                            assertEquals(Problem.Kind.WALK_INCONSISTENT, e.problem().kind(), e.getMessage());
                            movedOn++;
                        }
                    } else {
                        assertEquals(WalkState.INCONSISTENT, f.walkState(), f.walkNote());
                        inconsistent++;
                    }
                } catch (AssertionError e) {
                    throw e;
                } catch (Throwable t) {
                    fail("reader threw under a concurrent writer", t);
                }
            }
            String rest;
            while ((rest = out.readLine()) != null) {
                System.out.println("ConcurrentWriterTest writer: " + rest);
            }
        } finally {
            writer.destroy();
            writer.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(0, writer.exitValue());
        System.out.println("ConcurrentWriterTest: " + complete + " complete reads, " + inconsistent
                + " inconsistent, " + entryReads + " full DBI reads, " + movedOn + " overtaken by the writer, " + shortFiles + " with free unwritten pages past the end of the file, txn " + firstTxn + " .. " + lastTxn);
        assertTrue(complete > 10, "complete reads: " + complete);
        assertTrue(lastTxn > firstTxn, "the writer committed while we read");
    }
}
