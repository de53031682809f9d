package dev.dlvaudit.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a database's files, as data: its kind (what the library will do about it
 * follows from the kind), the file it is in, and a message naming the file and the problem.
 */
public record Problem(Kind kind, Path file, String message) {

    /** What is wrong; {@link #consequence()} says what the operator will face. */
    public enum Kind {
        /** The path does not exist. */
        PATH_MISSING(Consequence.UNREADABLE),
        /** The path is neither a directory nor a regular file. */
        NOT_A_DIRECTORY_OR_FILE(Consequence.UNREADABLE),
        /** A directory without {@code data.mdb}. */
        NO_DATA_FILE(Consequence.UNREADABLE),
        /** An I/O error while reading. */
        IO_ERROR(Consequence.UNREADABLE),
        /** {@code data.mdb} is zero bytes long: a read-write open starts a new, empty database. */
        EMPTY_DATA_FILE(Consequence.NEW_EMPTY_DATABASE),
        /** The file ends before a page that the meta says is in use (SIGBUS in the library). */
        TRUNCATED(Consequence.LIBRARY_CRASHES),
        /** A meta page's magic is wrong: the library refuses to open (MDB_INVALID). */
        META_BAD_MAGIC(Consequence.LIBRARY_REFUSES),
        /** A meta page's data version is unknown: MDB_VERSION_MISMATCH. */
        META_UNKNOWN_VERSION(Consequence.LIBRARY_REFUSES),
        /** A meta page's other fields are not sane (page size, last page, roots). */
        META_INSANE(Consequence.LIBRARY_REFUSES),
        /** A meta page changed between two reads every time it was read (a busy writer). */
        META_UNSTABLE(Consequence.UNREADABLE),
        /** A tree page is not what its parent says (bad page number, flags, bounds, a cycle). */
        PAGE_CORRUPT(Consequence.LIBRARY_CRASHES),
        /** The node layout of {@code data.mdb} (stock or even-padded) could not be decided consistently. */
        LAYOUT_UNDECIDABLE(Consequence.UNREADABLE),
        /** The page-level walk saw the transaction id move too often: facts not consistent. */
        WALK_INCONSISTENT(Consequence.UNREADABLE),
        /** The tree walk's counts differ from the DB record (depth, pages, entries). */
        STATS_MISMATCH(Consequence.LIBRARY_CRASHES),
        /** {@code lock.mdb} is shorter than its header / reader table. */
        LOCK_TRUNCATED(Consequence.LOCK_FILE_DAMAGED),
        /** {@code lock.mdb} magic is wrong. */
        LOCK_BAD_MAGIC(Consequence.LOCK_FILE_DAMAGED),
        /** {@code lock.mdb} format word is neither stock LMDB's nor DLMDB's. */
        LOCK_UNKNOWN_FORMAT(Consequence.LOCK_FILE_DAMAGED),
        /** The lock file's format is the other engine's (e.g. a DLMDB directory whose lock.mdb stock LMDB rewrote). */
        LOCK_DATA_MISMATCH(Consequence.LOCK_FILE_DAMAGED),
        /** A reader-table or header value is impossible (numreaders beyond max readers, ...). */
        LOCK_INSANE(Consequence.LOCK_FILE_DAMAGED);

        private final Consequence consequence;

        Kind(Consequence consequence) {
            this.consequence = consequence;
        }

        public Consequence consequence() {
            return consequence;
        }
    }

    /** What the problem means for the operator. */
    public enum Consequence {
        /** dlv-audit could not read the fact: an ERROR, not a verdict on the database. */
        UNREADABLE,
        /** Datalevin/LMDB will refuse to open this database. */
        LIBRARY_REFUSES,
        /** A read-write open will silently start a new, empty database. */
        NEW_EMPTY_DATABASE,
        /** The library opens it and dies (SIGBUS/SIGSEGV) or returns garbage when the page is touched. */
        LIBRARY_CRASHES,
        /** The lock file is damaged: non-first openers fail; a first opener re-initialises it. */
        LOCK_FILE_DAMAGED
    }

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** A problem whose message is "{@code file}: {@code what}". */
    public static Problem of(Kind kind, Path file, String what) {
        return new Problem(kind, file, (file == null ? "" : file + ": ") + what);
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
