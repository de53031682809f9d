package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.Problem;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every database check does before judging: SKIP a target without a database directory, and
 * refuse (ERROR, with the reader's own words) to judge numbers from a database the library would
 * refuse, crash on or replace — {@code db.format} says what is wrong; the others must not PASS on garbage.
 */
final class DbGuard {
    static final String NEEDS_DIRECTORY = "needs a live database directory (the target is an options file alone)";

    /** Problems that leave the meta-level numbers unreadable or meaningless. */
    private static final Set<Problem.Kind> UNREADABLE_DATA = EnumSet.of(Problem.Kind.PATH_MISSING,
            Problem.Kind.NOT_A_DIRECTORY_OR_FILE, Problem.Kind.NO_DATA_FILE, Problem.Kind.IO_ERROR,
            Problem.Kind.META_UNSTABLE);

    private DbGuard() {
    }

    /** SKIP when the target is an options file alone. */
    static Optional<Finding> skipWithoutDirectory(CheckContext context) {
        return context.databaseDirectory().isPresent() ? Optional.empty() : Optional.of(Finding.skip(NEEDS_DIRECTORY));
    }

    /** SKIP without a directory, else ERROR when the data file is damaged: the usual start of a database check. */
    static Optional<Finding> notJudged(CheckContext context) {
        Optional<Finding> skip = skipWithoutDirectory(context);
        return skip.isPresent() ? skip : dataDamage(context.fact(DatabaseFacts.class));
    }

    /** ERROR when the data file is unreadable or damaged in a way the library would not survive. */
    static Optional<Finding> dataDamage(DatabaseFacts f) {
        List<Problem> blocking = f.problems().stream()
                .filter(p -> UNREADABLE_DATA.contains(p.kind()) || switch (p.kind().consequence()) {
                    case LIBRARY_REFUSES, NEW_EMPTY_DATABASE, LIBRARY_CRASHES -> true;
                    default -> false;
                }).toList();
        if (!blocking.isEmpty()) {
            return Optional.of(Finding.error("not judged: " + blocking.get(0).message()
                    + (blocking.size() > 1 ? " (and " + (blocking.size() - 1) + " more problem(s))" : "")
                    + " — see db.format").evidence(evidence(f)));
        }
        if (f.current().isEmpty()) {
            return Optional.of(Finding.error("not judged: no valid meta page in " + evidence(f) + " — see db.format")
                    .evidence(evidence(f)));
        }
        return Optional.empty();
    }

    /** ERROR when the lock file is present but its header or reader table cannot be trusted. */
    static Optional<Finding> lockDamage(DatabaseFacts f) {
        Optional<Problem> p = f.problems().stream()
                .filter(q -> q.kind().consequence() == Problem.Consequence.LOCK_FILE_DAMAGED
                        && q.kind() != Problem.Kind.LOCK_DATA_MISMATCH) // a stock layout is still readable
                .findFirst();
        return p.map(q -> Finding.error("not judged: " + q.message() + " — see db.format").evidence(f.lockFile()));
    }

    /** The data file, else the path as given. */
    static String evidence(DatabaseFacts f) {
        return String.valueOf(f.dataFile() != null ? f.dataFile() : f.input());
    }

    /** Guards shared by the lock-file checks; empty when the reader table can be judged. */
    static Optional<Finding> readerTableGuard(CheckContext context) {
        Optional<Finding> notJudged = notJudged(context);
        if (notJudged.isPresent()) {
            return notJudged;
        }
        DatabaseFacts f = context.fact(DatabaseFacts.class);
        if (!f.lock().present()) {
            return Optional.of(Finding.info("no lock file (" + f.lockFile() + "): no process has opened the database"
                    + " since it was removed, so there is no reader table").evidence(f.lockFile()));
        }
        return lockDamage(f);
    }
}
