package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.MetaPage;
import dev.dlvaudit.db.Problem;
import dev.dlvaudit.facts.DatalevinFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@CheckSpec(
        id = "db.format",
        title = "Database engine and on-disk format",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "Which engine wrote data.mdb (stock LMDB, DLMDB format 1 or 2) decides which library can open it."
                + " A bad magic on either meta page, an unknown data version, a truncated or zero-length data.mdb,"
                + " or a lock file in the other engine's format is what the operator meets at the next restart:"
                + " Datalevin refuses to open, crashes, or silently starts an empty database.",
        reads = "data.mdb meta pages (magic, version, txnid, last page), the node layout of MAIN_DBI, lock.mdb's"
                + " format word, the VERSION file",
        thresholds = "INFO the engine, format and Datalevin version; FAIL when the library would refuse, crash or"
                + " start an empty database, or the lock file is in the other engine's format; WARN on other lock"
                + " file damage; ERROR when the files cannot be read.",
        fix = "Restore the database from a backup (dtlv copy output or a WAL snapshot); a lock.mdb in the wrong"
                + " format is removed while no process has the database open.",
        sources = {"on-disk-format.md §2, §3, §6", "LMDB mdb.c mdb_env_read_header, mdb_env_setup_locks"})
public final class FormatCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<Finding> skip = DbGuard.skipWithoutDirectory(context);
        if (skip.isPresent()) {
            return List.of(skip.get());
        }
        DatabaseFacts f = context.fact(DatabaseFacts.class);
        String observed = observed(f, datalevinVersion(context, f));
        String evidence = DbGuard.evidence(f) + (f.lock().present() ? ", " + f.lockFile() : "");
        List<Finding> out = new ArrayList<>();
        Map<Problem.Kind, List<Problem>> byKind = new LinkedHashMap<>();
        for (Problem p : f.problems()) {
            byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p);
        }
        for (List<Problem> same : byKind.values()) {
            Finding finding = judge(same);
            if (finding != null) {
                out.add(finding.observed(observed).expected(expected()).evidence(evidence));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        return List.of(Finding.info(f.engine().label() + (f.noSubdir() ? " (MDB_NOSUBDIR)" : ""))
                .observed(observed).expected(expected()).evidence(evidence));
    }

    private static String expected() {
        return "valid meta pages of a known data version, data.mdb covering every used page, a lock file in the"
                + " data file's engine format";
    }

    /** The finding for problems of one kind, or null for those that are another check's business. */
    static Finding judge(List<Problem> problems) {
        Problem p = problems.get(0);
        String m = String.join("; ", problems.stream().map(Problem::message).toList());
        switch (p.kind()) {
            case PATH_MISSING:
            case NOT_A_DIRECTORY_OR_FILE:
                return Finding.error(m + ": nothing to audit here; if this is the configured database path,"
                        + " Datalevin will create a new, empty database at the next open (is the volume mounted?)")
                        .fix("Check the path and the mount; restore the database from a backup if it was lost.");
            case NO_DATA_FILE:
                return Finding.error(m + ": Datalevin will create a new, empty database here at the next open")
                        .fix("Restore data.mdb from a backup before any process opens this directory.");
            case IO_ERROR:
            case META_UNSTABLE:
            case LAYOUT_UNDECIDABLE:
                return Finding.error(m);
            case EMPTY_DATA_FILE:
                return Finding.fail("an empty database will be created at the next open: the data is gone (" + m + ")")
                        .fix("Stop every process using this directory and restore data.mdb from a backup before"
                                + " Datalevin opens it again.");
            case META_BAD_MAGIC:
            case META_INSANE:
                return Finding.fail("Datalevin will not open this database (MDB_INVALID): " + m)
                        .fix("Restore the database from a backup (dtlv copy output or a WAL snapshot).");
            case META_UNKNOWN_VERSION:
                return Finding.fail("Datalevin will not open this database (MDB_VERSION_MISMATCH): " + m)
                        .fix("Open it with the library version that wrote it, or restore from a backup.");
            case TRUNCATED:
                return Finding.fail("data.mdb is truncated: Datalevin opens it and dies with SIGBUS at the next touch of a"
                        + " missing page (" + m + ")")
                        .fix("Restore the database from a backup; check the filesystem for a full disk or a partial copy.");
            case PAGE_CORRUPT:
            case STATS_MISMATCH:
                return Finding.fail("a page of data.mdb is corrupt: Datalevin may crash or return wrong data when it"
                        + " reaches it (" + m + ")")
                        .fix("Restore the database from a backup, or salvage it with dtlv copy into a new directory.");
            case LOCK_DATA_MISMATCH:
                return Finding.fail("the lock file is in the other engine's format: Datalevin will fail with"
                        + " MDB_VERSION_MISMATCH until lock.mdb is removed while no process has the database open ("
                        + m + ")")
                        .fix("With every process using the database stopped: rm " + p.file()
                                + " (never open a Datalevin directory with stock LMDB tools such as mdb_stat or lmdbjava).");
            case LOCK_TRUNCATED:
            case LOCK_BAD_MAGIC:
            case LOCK_UNKNOWN_FORMAT:
            case LOCK_INSANE:
                return Finding.warn("the lock file is damaged: a process opening the database while another has it"
                        + " open fails or misreads the reader table; the first opener after all have closed"
                        + " re-initialises it (" + m + ")")
                        .fix("Stop every process using the database, then rm " + p.file() + " (it is recreated at the next open).");
            case WALK_INCONSISTENT:
                return null; // page-level facts only: db.free-list reports it
            default:
                return Finding.error(m);
        }
    }

    static String observed(DatabaseFacts f, String datalevin) {
        List<String> parts = new ArrayList<>();
        parts.add("engine " + f.engine().label());
        parts.add("node layout " + f.layout().label());
        if (f.pageSize() > 0) {
            parts.add("page size " + f.pageSize());
        }
        if (f.dataFileSize() >= 0) {
            parts.add("data.mdb " + Units.bytes(f.dataFileSize()));
        }
        for (MetaPage m : f.metas()) {
            parts.add("meta " + m.page() + (m.page() == f.currentMeta() ? " (current)" : m.valid() ? "" : " (invalid)")
                    + ": version " + m.version() + ", txnid " + m.txnid() + ", last page " + m.lastPage()
                    + ", map " + Units.bytes(m.mapSize()));
        }
        parts.add("lock file " + (f.lock().present() ? f.lock().layout().label() + " " + f.lock().formatHex() : "absent"));
        if (datalevin != null) {
            parts.add(datalevin);
        }
        return String.join("; ", parts);
    }

    private static String datalevinVersion(CheckContext context, DatabaseFacts f) {
        if (f.noSubdir() || f.dataFile() == null) {
            return null;
        }
        try {
            return context.fact(DatalevinFacts.class).version().map(v -> "Datalevin " + v + " (VERSION)")
                    .orElse("no VERSION file (not written by Datalevin, or by one older than 0.9.27)");
        } catch (FactException e) {
            return "VERSION unreadable: " + e.getMessage();
        }
    }
}
