package dev.dlvaudit.host;

import dev.dlvaudit.api.FactException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The audited host's files, read under a root ({@code /} normally, {@code /host} in a container
 * that mounts the host, a fake tree in tests). Paths are written as on the host: {@code /proc/swaps}.
 */
public final class HostFiles {
    private final Path root;

    public HostFiles(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The path of a host path under the root. */
    public Path resolve(String hostPath) {
        String relative = hostPath.startsWith("/") ? hostPath.substring(1) : hostPath;
        return relative.isEmpty() ? root : root.resolve(relative);
    }

    public boolean exists(String hostPath) {
        return Files.exists(resolve(hostPath));
    }

    /**
     * The file's text; a missing or unreadable file is a {@link FactException} naming it.
     * Read with a large first read: /proc/sys files report size 0 and answer EOF to any read at a
     * non-zero offset, so Files.readString (which reads a size-0 file one byte first) returns "6" for "60".
     */
    public String read(String hostPath) {
        Path p = resolve(hostPath);
        try (java.io.InputStream in = Files.newInputStream(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FactException(p + ": no such file");
        } catch (AccessDeniedException e) {
            throw new FactException(p + ": permission denied");
        } catch (IOException e) {
            throw new FactException(p + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The file's text, or empty when the file does not exist (a fact that may legitimately be absent). */
    public Optional<String> readIfExists(String hostPath) {
        if (!Files.exists(resolve(hostPath))) {
            return Optional.empty();
        }
        return Optional.of(read(hostPath));
    }
}
