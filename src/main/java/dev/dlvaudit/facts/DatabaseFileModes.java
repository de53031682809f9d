package dev.dlvaudit.facts;

import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/** Mode and owner of a database's directory, data file and lock file (those that exist). */
public record DatabaseFileModes(List<Entry> entries) {

    public DatabaseFileModes {
        entries = List.copyOf(entries);
    }

    /**
     * @param role      {@code directory}, {@code data file} or {@code lock file}
     * @param linkTarget where a symbolic link points (its target's mode is recorded), or null
     */
    public record Entry(String role, Path path, Path linkTarget, Set<PosixFilePermission> permissions,
                        String owner, String group) {
        public Entry {
            permissions = Set.copyOf(permissions);
        }

        public boolean worldWritable() {
            return permissions.contains(PosixFilePermission.OTHERS_WRITE);
        }

        public boolean worldReadable() {
            return permissions.contains(PosixFilePermission.OTHERS_READ);
        }

        /** {@code rw-r----- alice:datalevin}. */
        public String describe() {
            return PosixFilePermissions.toString(permissions) + " " + owner + ":" + group
                    + (linkTarget == null ? "" : " (symbolic link to " + linkTarget + ")");
        }
    }
}
