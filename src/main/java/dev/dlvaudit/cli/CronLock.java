package dev.dlvaudit.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lock that keeps two {@code --cron} runs from overlapping: an exclusive lock on a file in
 * {@code $XDG_RUNTIME_DIR}, else {@code /run/dlv-audit}, else the temporary directory — never in
 * an audited directory. The lock goes with the process, so a killed run leaves nothing held.
 */
final class CronLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    final Path path;

    private CronLock(FileChannel channel, FileLock lock, Path path) {
        this.channel = channel;
        this.lock = lock;
        this.path = path;
    }

    /** The lock file this process would use. */
    static Path location(Map<String, String> env, List<Path> audited) {
        List<Path> candidates = new ArrayList<>();
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isEmpty()) {
            candidates.add(Path.of(runtime, "dlv-audit.lock"));
        }
        candidates.add(Path.of("/run/dlv-audit", "dlv-audit.lock"));
        candidates.add(Path.of(System.getProperty("java.io.tmpdir"),
                "dlv-audit-" + System.getProperty("user.name", "user") + ".lock"));
        for (Path c : candidates) {
            Path dir = c.toAbsolutePath().getParent();
            boolean inAudited = audited.stream().anyMatch(a -> dir.startsWith(a.toAbsolutePath().normalize()));
            if (!inAudited && Files.isDirectory(dir) && Files.isWritable(dir)) {
                return c;
            }
        }
        throw new CommandFailedException("--cron: no writable directory for the lock file (tried "
                + candidates.stream().map(p -> p.getParent().toString()).toList() + ")");
    }

    /** Takes the lock, or returns null when another process holds it. */
    static CronLock tryAcquire(Path path) {
        if (Files.isSymbolicLink(path)) {
            throw new CommandFailedException("--cron: the lock file " + path + " is a symbolic link; refusing to use it");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return null;
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new CronLock(ch, lock, path);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new CommandFailedException("--cron: cannot lock " + path + ": " + e.getMessage(), e);
        }
    }

    /** The pid written by the holder, for the message; empty if unreadable. */
    static String holder(Path path) {
        try {
            return Files.readString(path, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
