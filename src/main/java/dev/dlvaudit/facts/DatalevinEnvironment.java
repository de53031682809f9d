package dev.dlvaudit.facts;

import dev.dlvaudit.api.Target;
import dev.dlvaudit.datalevin.VersionFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Datalevin version line every report shows, from each target's {@code VERSION} file. */
public final class DatalevinEnvironment {
    private DatalevinEnvironment() {
    }

    /** {@code 0.10.7} for one database; {@code dir: version; …} for several; empty with no database. */
    public static Optional<String> versions(List<Target> targets) {
        List<String> parts = new ArrayList<>();
        List<Path> dirs = targets.stream().flatMap(t -> t.directory().stream()).toList();
        for (Path dir : dirs) {
            String v;
            try {
                v = Files.isDirectory(dir) ? VersionFile.read(dir).orElse("unknown (no VERSION file)")
                        : Files.isRegularFile(dir) ? "none (an MDB_NOSUBDIR data file, not a Datalevin directory)"
                        : "unknown (not a directory)";
            } catch (IOException | IllegalStateException e) {
                v = "unknown (" + e.getMessage() + ")";
            }
            parts.add(dirs.size() == 1 ? v : dir + ": " + v);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }
}
