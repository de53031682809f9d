package dev.dlvaudit.facts;

import dev.dlvaudit.datalevin.DatabaseCopy;
import dev.dlvaudit.datalevin.StoredOptions;
import dev.dlvaudit.datalevin.TxlogMeta;
import dev.dlvaudit.datalevin.VersionFile;
import dev.dlvaudit.datalevin.WalFiles;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.NamedDbi;
import dev.dlvaudit.db.WalkState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a Datalevin database directory says about itself outside its options DBIs: what kind of
 * store it is, the {@code VERSION} file, the WAL directory ({@code txlog/}) with its {@code meta}
 * and segments, the WAL snapshots, and — from the database reader, the one reader of those
 * bytes — the data file's size and the live max readers of {@code lock.mdb}.
 *
 * @param store          what the target is: a Datalog or KV store, or not a Datalevin database at all
 * @param storeReason    the evidence for {@code store}, shown when a check skips
 * @param txlogMeta      empty when there is no {@code txlog/meta}
 * @param liveMaxReaders the reader's {@code (size of lock.mdb − 128) / 64}; empty without lock.mdb
 */
public record DatalevinFacts(Path directory, Store store, String storeReason, Optional<String> version,
                             Optional<WalFiles> wal, Optional<TxlogMeta> txlogMeta, List<DatabaseCopy> snapshots,
                             OptionalLong dataFileSize, OptionalLong liveMaxReaders) {

    /** What kind of database the target is, as far as its files tell. */
    public enum Store {
        /** {@code datalevin/opts} present: a Datalog store ({@code get-conn}), which records its options. */
        DATALOG,
        /** {@code datalevin/kv-info} but no {@code datalevin/opts}: a KV store ({@code open-kv}), options not recorded. */
        KV,
        /** The named DBIs could not be read: Datalevin's by its directory, kind unknown. */
        UNKNOWN,
        /** No Datalevin DBI, no {@code VERSION}, no {@code txlog/}: a plain LMDB environment. */
        NOT_DATALEVIN,
        /** An MDB_NOSUBDIR data file: Datalevin always uses a directory. */
        NOSUBDIR_FILE;

        /** The dl checks apply: the directory is Datalevin's (or may be). */
        public boolean datalevin() {
            return this == DATALOG || this == KV || this == UNKNOWN;
        }
    }

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

    /** An MDB_NOSUBDIR data file given as the target: nothing of Datalevin's to read. */
    public static DatalevinFacts noSubdirFile(Path file) {
        return new DatalevinFacts(file, Store.NOSUBDIR_FILE, file.getFileName() + " is an MDB_NOSUBDIR data file,"
                + " not a Datalevin database (Datalevin keeps data.mdb and lock.mdb in a directory of their own)", Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), OptionalLong.empty(), OptionalLong.empty());
    }

    /** Reads the directory's Datalevin files; {@code db} is the reader's facts of the same directory. */
    public static DatalevinFacts read(Path dir, DatabaseFacts db) throws IOException {
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
        OptionalLong dataSize = db.dataFileSize() >= 0 ? OptionalLong.of(db.dataFileSize()) : OptionalLong.empty();
        OptionalLong readers = db.lock().present() ? db.lock().maxReaders() : OptionalLong.empty();
        Store store;
        String reason;
        if (db.walkState() != WalkState.COMPLETE) {
            String why = "the named DBIs of " + dir + " could not be read ("
                    + (!db.problems().isEmpty() ? db.problems().get(0).message()
                    : db.walkNote() != null ? db.walkNote() : "page-level facts not available") + ")";
            boolean datalevinFiles = version.isPresent() || wal.isPresent();
            store = datalevinFiles ? Store.UNKNOWN : Store.NOT_DATALEVIN;
            reason = datalevinFiles ? why : why + ", and there is no VERSION file and no txlog/: nothing says this"
                    + " is a Datalevin database";
        } else if (db.dbi(StoredOptions.OPTS).isPresent()) {
            store = Store.DATALOG;
            reason = "a Datalevin Datalog store (" + StoredOptions.OPTS + " present)";
        } else if (db.dbi(StoredOptions.KV_INFO).isPresent()) {
            store = Store.KV;
            reason = "a Datalevin KV store (" + StoredOptions.KV_INFO + " present, no " + StoredOptions.OPTS + ")";
        } else if (version.isPresent() || wal.isPresent()) {
            store = Store.UNKNOWN;
            reason = "no Datalevin DBI in data.mdb, but " + (version.isPresent() ? "a VERSION file" : "a txlog/ directory")
                    + " (a store Datalevin has not finished creating?)";
        } else {
            store = Store.NOT_DATALEVIN;
            List<String> names = db.dbis().stream().map(NamedDbi::name).limit(5).toList();
            reason = dir + " has no datalevin/opts or datalevin/kv-info DBI, no VERSION file and no txlog/"
                    + " (named DBIs: " + (names.isEmpty() ? "none" : String.join(", ", names)
                    + (db.dbis().size() > names.size() ? ", …" : "")) + "): a plain LMDB environment,"
                    + " not a Datalevin database";
        }
        return new DatalevinFacts(dir, store, reason, version, wal, meta, DatabaseCopy.snapshots(dir), dataSize,
                readers);
    }
}
