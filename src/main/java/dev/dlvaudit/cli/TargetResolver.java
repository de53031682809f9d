package dev.dlvaudit.cli;

import dev.dlvaudit.api.Target;
import dev.dlvaudit.datalevin.ServerRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The targets of {@code check}: each DB_DIR, a Datalevin server root expanded into its databases. */
final class TargetResolver {
    private TargetResolver() {
    }

    static List<Target> resolve(List<Path> databases, Path optionsFile) {
        List<Target> targets = new ArrayList<>();
        for (Path db : databases) {
            Path dir = db.toAbsolutePath().normalize();
            Optional<List<ServerRoot.Database>> root;
            try {
                root = ServerRoot.databases(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(dir + ": cannot list the directory: " + e.getMessage(), e);
            }
            if (root.isPresent()) {
                root.get().forEach(d -> targets.add(new Target(d.directory(), optionsFile, d.name())));
            } else {
                targets.add(new Target(dir, optionsFile));
            }
        }
        if (databases.isEmpty() && optionsFile != null) {
            targets.add(new Target(null, optionsFile.toAbsolutePath().normalize()));
        }
        return targets;
    }
}
