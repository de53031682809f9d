package dev.dlvaudit.db;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@link DbiEntries} of the environment at a path: every call opens it read-only, reads, and closes
 * it again, so nothing stays open between checks.
 */
public final class DirectoryDbiEntries implements DbiEntries {
    private final Path path;

    public DirectoryDbiEntries(Path path) {
        this.path = path;
    }

    @Override
    public List<String> dbiNames() throws IOException {
        try (DatabaseReader r = DatabaseReader.open(path)) {
            return r.dbiNames();
        }
    }

    @Override
    public Optional<List<KeyValue>> entries(String dbi, int maxEntries) throws IOException {
        try (DatabaseReader r = DatabaseReader.open(path)) {
            return r.entries(dbi, maxEntries);
        }
    }

    @Override
    public String toString() {
        return "DBIs of " + path;
    }
}
