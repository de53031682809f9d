package dev.dlvaudit.engine;

import java.nio.file.Path;

/**
 * A directory of plugin jars. A default location (next to the installed jar, the configuration
 * directory's {@code checks.d}) may be missing; one the user named with {@code --checks-dir} may not.
 */
public record CheckDirectory(Path path, boolean required) {

    public static CheckDirectory optional(Path path) {
        return new CheckDirectory(path, false);
    }

    public static CheckDirectory required(Path path) {
        return new CheckDirectory(path, true);
    }
}
