package dev.dlvaudit.facts;

import dev.dlvaudit.datalevin.DatabaseCopy;
import dev.dlvaudit.datalevin.TxlogMeta;
import dev.dlvaudit.datalevin.VersionFile;
import dev.dlvaudit.datalevin.WalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a Datalevin database directory says about itself outside {@code data.mdb}'s DBIs:
 * the {@code VERSION} file, the WAL directory ({@code txlog/}) with its {@code meta} and
 * segments, the WAL snapshots, and the live max readers from {@code lock.mdb}'s size.
 *
 * @param txlogMeta     empty when there is no {@code txlog/meta}
 * @param liveMaxReaders {@code (size of lock.mdb − 128) / 64} (on-disk-format.md §6), empty without lock.mdb
 */
public record DatalevinFacts(Path directory, Optional<String> version, Optional<WalFiles> wal,
                             Optional<TxlogMeta> txlogMeta, List<DatabaseCopy> snapshots,
                             OptionalLong dataFileSize, OptionalLong liveMaxReaders) {

    public DatalevinFacts {
        snapshots = List.copyOf(snapshots);
    }

    /** A {@code txlog/} directory exists: Datalevin itself treats that as {@code :wal? true}. */
    public boolean txlogPresent() {
        return wal.isPresent();
    }

    public Path txlogDir() {
        return directory.resolve("txlog");
    }

    public static DatalevinFacts read(Path dir) throws IOException {
        Optional<String> version = VersionFile.read(dir);
        Path txlog = dir.resolve("txlog");
        Optional<WalFiles> wal = Optional.empty();
        Optional<TxlogMeta> meta = Optional.empty();
        if (Files.isDirectory(txlog)) {
            WalFiles files = WalFiles.read(txlog);
            wal = Optional.of(files);
            if (files.metaFile().isPresent()) {
                meta = Optional.of(TxlogMeta.read(files.metaFile().get()));
            }
        }
        Path data = dir.resolve("data.mdb");
        Path lock = dir.resolve("lock.mdb");
        OptionalLong dataSize = Files.isRegularFile(data) ? OptionalLong.of(Files.size(data)) : OptionalLong.empty();
        OptionalLong readers = OptionalLong.empty();
        if (Files.isRegularFile(lock)) {
            long size = Files.size(lock);
            if (size >= 128 + 64) {
                readers = OptionalLong.of((size - 128) / 64);
            }
        }
        return new DatalevinFacts(dir, version, wal, meta, DatabaseCopy.snapshots(dir), dataSize, readers);
    }
}
