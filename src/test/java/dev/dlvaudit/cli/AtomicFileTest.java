package dev.dlvaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    /** A complete file: a header line with the length and generation, then that many bytes, then "END". */
    static byte[] generation(int n) {
        String body = ("generation " + n + " ").repeat(2000 + (n % 7) * 3000);
        return ("LEN " + body.length() + "\n" + body + "\nEND\n").getBytes(StandardCharsets.US_ASCII);
    }

    static boolean complete(String text) {
        if (!text.startsWith("LEN ") || !text.endsWith("\nEND\n")) {
            return false;
        }
        int nl = text.indexOf('\n');
        int len = Integer.parseInt(text.substring(4, nl));
        return text.length() == nl + 1 + len + 5;
    }

    @Test
    void aReaderPollingTheFileNeverSeesAPartialFile() throws Exception {
        Path file = dir.resolve("dlv-audit.prom");
        AtomicFile.write(file, generation(0));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> partial = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    String text = Files.readString(file, StandardCharsets.US_ASCII);
                    reads.incrementAndGet();
                    if (!complete(text)) {
                        synchronized (partial) {
                            partial.add(text.length() + " bytes");
                        }
                    }
                } catch (NoSuchFileException e) {
                    synchronized (partial) {
                        partial.add("missing");
                    }
                } catch (Exception e) {
                    synchronized (partial) {
                        partial.add(e.toString());
                    }
                }
            }
        });
        reader.start();
        for (int i = 1; i <= 300; i++) {
            AtomicFile.write(file, generation(i));
        }
        stop.set(true);
        reader.join();
        assertTrue(reads.get() > 50, "the reader only read " + reads.get() + " times");
        assertTrue(partial.isEmpty(), "the reader saw " + partial.size() + " bad reads of " + reads.get() + ": "
                + partial.subList(0, Math.min(5, partial.size())));
        assertEquals(new String(generation(300), StandardCharsets.US_ASCII), Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "temporary files left behind");
        }
    }

    @Test
    void theFileIsWorldReadableAndReplacesAReadOnlyOne() throws Exception {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        AtomicFile.write(file, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void neverWritesThroughASymbolicLink() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious");
        Path link = Files.createSymbolicLink(dir.resolve("report.json"), victim);
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> AtomicFile.write(link, "x".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aMissingDirectoryIsAClearError() {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> AtomicFile.checkWritable(dir.resolve("nope/report.xml")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("nope")));
    }
}
