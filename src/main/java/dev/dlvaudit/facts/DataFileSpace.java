package dev.dlvaudit.facts;

import java.nio.file.Path;

/**
 * The filesystem holding a database's data file, as {@code statvfs} tells it to an unprivileged process.
 *
 * @param dataFile    the data file whose filesystem this is
 * @param store       the filesystem's name and type as the JDK reports them (e.g. {@code /dev/sda1 (ext4)})
 * @param usableBytes bytes this process may still allocate there ({@code f_bavail * f_frsize})
 */
public record DataFileSpace(Path dataFile, String store, long usableBytes) {
}
