package dev.dlvaudit.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A database under audit: its directory (or data file, for MDB_NOSUBDIR), its options file,
 * or both. A target from an options file alone is the CI gate's case: no live database.
 */
public final class Target {
    private final Path directory;
    private final Path optionsFile;
    private final String name;

    public Target(Path directory, Path optionsFile) {
        this(directory, optionsFile, null);
    }

    /** A target with a display name, e.g. the decoded database name of a Datalevin server root's directory. */
    public Target(Path directory, Path optionsFile, String name) {
        if (directory == null && optionsFile == null) {
            throw new IllegalArgumentException("a target needs a directory or an options file");
        }
        this.directory = directory;
        this.optionsFile = optionsFile;
        this.name = name;
    }

    /** The database's name when known (a server root's databases), else empty. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    public Optional<Path> optionsFile() {
        return Optional.ofNullable(optionsFile);
    }

    /** How reports name this target: the directory (with its name, when known), else the options file. */
    public String label() {
        return directory != null ? directory + (name == null ? "" : " (" + name + ")") : optionsFile.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Target && label().equals(((Target) o).label())
                && optionsFile().equals(((Target) o).optionsFile());
    }

    @Override
    public int hashCode() {
        return label().hashCode();
    }

    @Override
    public String toString() {
        return label();
    }
}
