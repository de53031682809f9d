package dev.dlvaudit.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a file atomically: a temporary file in the same directory, written and synced, mode
 * 0644, then renamed over the target, so a reader (node_exporter, a web server) sees the old file
 * or the new one, never half of one. Never writes through a symbolic link.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    /** Fails early (before auditing) when {@code path} cannot be written. */
    static void checkWritable(Path path) {
        if (Files.isSymbolicLink(path)) {
            throw new CommandFailedException(path + " is a symbolic link; dlv-audit does not write through links"
                    + " (give the real path)");
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new CommandFailedException(path + " is a directory; give a file name");
        }
        Path dir = directory(path);
        if (!Files.isDirectory(dir)) {
            throw new CommandFailedException("cannot write " + path + ": the directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new CommandFailedException("cannot write " + path + ": the directory " + dir + " is not writable");
        }
    }

    static void write(Path path, byte[] content) {
        checkWritable(path);
        Path dir = directory(path);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            if (Files.isSymbolicLink(path)) {
                throw new CommandFailedException(path + " became a symbolic link while the audit ran; not replaced");
            }
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncDirectory(dir);
        } catch (AccessDeniedException e) {
            throw new CommandFailedException("cannot write " + path + ": permission denied (" + e.getFile() + ")", e);
        } catch (IOException e) {
            throw new CommandFailedException("cannot write " + path + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file is named after the target; nothing else to do
                }
            }
        }
    }

    private static Path directory(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    /** Makes the rename durable; best effort (not every file system lets a directory be synced). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the data itself is synced; the rename will be durable at the next journal commit
        }
    }
}
