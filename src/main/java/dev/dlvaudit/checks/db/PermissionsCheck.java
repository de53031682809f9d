package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.Problem;
import dev.dlvaudit.facts.DatabaseFileModes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "db.permissions",
        title = "Database files are not open to every user",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "Anyone who can write data.mdb or lock.mdb can corrupt the database or wedge its readers, and"
                + " anyone who can write the directory can replace or delete them. A world-readable data.mdb"
                + " hands every local user all the data.",
        reads = "mode and owner of the database directory, data.mdb and lock.mdb (links reported, not followed first)",
        thresholds = "FAIL world-writable directory, data file or lock file; WARN world-readable data file.",
        fix = "chmod 700 the directory and chmod 600 data.mdb and lock.mdb (or 750/640 with a group for readers).",
        sources = {"LMDB documentation: mdb_env_open mode", "Datalevin: files are created with mode 0664 minus umask"})
public final class PermissionsCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<Finding> skip = DbGuard.skipWithoutDirectory(context);
        if (skip.isPresent()) {
            return List.of(skip.get());
        }
        DatabaseFacts f = context.fact(DatabaseFacts.class);
        if (f.hasProblem(Problem.Kind.PATH_MISSING) || f.hasProblem(Problem.Kind.NOT_A_DIRECTORY_OR_FILE)) {
            return List.of(Finding.error("not judged: " + f.problems().get(0).message() + " — see db.format")
                    .evidence(f.input()));
        }
        DatabaseFileModes modes = context.fact(DatabaseFileModes.class);
        List<Finding> out = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (DatabaseFileModes.Entry e : modes.entries()) {
            all.add(e.role() + " " + e.path() + " " + e.describe());
            String chmod = e.role().equals("directory") ? "chmod 700 " + e.path() : "chmod 600 " + e.path();
            if (e.worldWritable()) {
                out.add(Finding.fail("the " + e.role() + " is world-writable: any local user can "
                        + (e.role().equals("directory") ? "delete or replace the database files" : "corrupt it"))
                        .subject(e.role()).observed(e.describe()).expected("no write permission for others")
                        .evidence(e.path()).fix(chmod + " (as " + e.owner() + "; or o-w if a group needs access)"));
            } else if (e.role().equals("data file") && e.worldReadable()) {
                out.add(Finding.warn("the data file is world-readable: any local user can read all the data")
                        .subject(e.role()).observed(e.describe()).expected("no read permission for others")
                        .evidence(e.path()).fix(chmod + " (or chmod o-r " + e.path() + " if a group needs access)"));
            }
        }
        if (out.isEmpty()) {
            return List.of(Finding.pass("no database file is writable by others, and the data is not readable by others")
                    .observed(String.join("; ", all)).expected("not world-writable; data not world-readable")
                    .evidence(f.input()));
        }
        return out;
    }
}
