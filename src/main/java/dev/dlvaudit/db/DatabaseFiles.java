package dev.dlvaudit.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an environment's files are: a directory with {@code data.mdb} (+ {@code lock.mdb}), or
 * with MDB_NOSUBDIR a data file {@code x} with its lock file {@code x-lock}. Locating never
 * creates anything.
 *
 * @param input    the path as given
 * @param dataFile the data file
 * @param lockFile the lock file's path (it may not exist)
 * @param noSubdir true for the MDB_NOSUBDIR layout
 */
public record DatabaseFiles(Path input, Path dataFile, Path lockFile, boolean noSubdir) {

    public static final String DATA_NAME = "data.mdb";
    public static final String LOCK_NAME = "lock.mdb";
    public static final String NOSUBDIR_LOCK_SUFFIX = "-lock";

    /**
     * Locates the files for {@code path}: a directory holding {@code data.mdb}, or a regular file
     * (MDB_NOSUBDIR data file).
     *
     * @throws DatabaseFormatException naming the path when it is missing, not a directory or
     *                                 file, or a directory without {@code data.mdb}
     */
    public static DatabaseFiles locate(Path path) throws DatabaseFormatException {
        if (!Files.exists(path)) {
            throw new DatabaseFormatException(Problem.Kind.PATH_MISSING, path, "no such file or directory");
        }
        if (Files.isDirectory(path)) {
            Path data = path.resolve(DATA_NAME);
            if (!Files.exists(data)) {
                String hint = Files.exists(path.resolve(LOCK_NAME))
                        ? " (there is a lock.mdb but no data.mdb: the data file was removed)" : "";
                throw new DatabaseFormatException(Problem.Kind.NO_DATA_FILE, path,
                        "no data.mdb in this directory" + hint);
            }
            if (!Files.isRegularFile(data)) {
                throw new DatabaseFormatException(Problem.Kind.NOT_A_DIRECTORY_OR_FILE, data,
                        "not a regular file");
            }
            return new DatabaseFiles(path, data, path.resolve(LOCK_NAME), false);
        }
        if (Files.isRegularFile(path)) {
            Path lock = path.resolveSibling(path.getFileName() + NOSUBDIR_LOCK_SUFFIX);
            return new DatabaseFiles(path, path, lock, true);
        }
        throw new DatabaseFormatException(Problem.Kind.NOT_A_DIRECTORY_OR_FILE, path,
                "neither a directory nor a regular file");
    }

    public boolean lockPresent() {
        return Files.isRegularFile(lockFile);
    }

    /** {@code st_ino} and {@code st_dev} of a file, or -1 when the platform does not say. */
    static long[] inodeAndDevice(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:ino,dev", LinkOption.NOFOLLOW_LINKS);
            return new long[] {((Number) a.get("ino")).longValue(), ((Number) a.get("dev")).longValue()};
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return new long[] {-1, -1};
        }
    }
}
