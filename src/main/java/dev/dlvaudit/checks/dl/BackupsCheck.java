package dev.dlvaudit.checks.dl;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.datalevin.DatabaseCopy;
import dev.dlvaudit.facts.DatalevinFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "dl.backups",
        title = "Recent, valid database copies exist",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "A database without a recent consistent copy cannot be restored after corruption, deletion"
                + " or a lost disk. Copies must be real databases: each one is read by the database reader"
                + " (meta pages, named DBIs, free list).",
        reads = "snapshots/current and snapshots/previous (WAL snapshots, snapshot.edn), or the policy's"
                + " backup-dir (a database copy, or one per subdirectory, e.g. dated copies from dtlv copy)",
        thresholds = "WARN when the newest valid copy is older than max-backup-age-hours (24); FAIL when there is"
                + " none; WARN for each copy the reader finds damaged (bad or missing meta pages, pages beyond the file, ...).",
        fix = "Take consistent copies on a schedule: dtlv copy -c (d/copy), or WAL snapshots (d/create-snapshot!).",
        sources = {"datalevin-facts.md §5, §6"})
public final class BackupsCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) throws IOException {
        String backupDir = context.settings().getString("backup-dir", null);
        if (context.databaseDirectory().isEmpty() && backupDir == null) {
            return List.of(Finding.skip("needs a live database directory (for snapshots/) or a backup directory"
                    + " (--backup-dir or the policy's backup-dir); the target is an options file alone"));
        }
        List<DatabaseCopy> copies = new ArrayList<>();
        List<String> looked = new ArrayList<>();
        if (context.databaseDirectory().isPresent()) {
            DatalevinFacts d = context.fact(DatalevinFacts.class);
            if (!d.store().datalevin() && backupDir == null) {
                return List.of(Finding.skip(d.storeReason() + "; give a backup directory (--backup-dir) to check its"
                        + " copies"));
            }
            if (d.store().datalevin()) {
                copies.addAll(d.snapshots());
                looked.add(d.directory().resolve("snapshots") + "/{current,previous}");
            }
        }
        if (backupDir != null) {
            Path dir = Path.of(backupDir);
            if (!Files.isDirectory(dir)) {
                return List.of(Finding.error("the backup directory " + dir + " does not exist or is not a directory")
                        .observed(dir + " missing").expected("a directory of database copies").evidence(dir)
                        .fix("Point --backup-dir (policy backup-dir) at the directory your copies are written to"));
            }
            copies.addAll(DatabaseCopy.backups(dir));
            looked.add(dir.toString());
        }
        String evidence = String.join(", ", looked);
        long maxHours = context.settings().getLong("max-backup-age-hours", 24);
        Instant now = context.clock().instant();
        String fix = "Take a consistent copy now and on a schedule: dtlv copy -c <db-dir> <backup-dir>/$(date +%F)"
                + " (or (d/copy kv dest true)), or WAL snapshots with (d/create-snapshot! conn)";
        List<Finding> out = new ArrayList<>();
        for (DatabaseCopy c : copies) {
            if (!c.valid()) {
                out.add(Finding.warn(c.kind() + " " + c.dir() + " is not a valid database")
                        .subject(c.dir().toString()).observed(c.problem())
                        .expected("a database the reader can open: a valid current meta page (magic 0xBEEFC0DE,"
                                + " data version 1 or 2) and every page it names present")
                        .evidence(c.dir().resolve("data.mdb"))
                        .fix("Delete or replace this copy; verify copies after taking them"));
            }
        }
        Optional<DatabaseCopy> newest = copies.stream().filter(DatabaseCopy::valid).filter(c -> c.taken().isPresent())
                .max(Comparator.comparing(c -> c.taken().get()));
        long valid = copies.stream().filter(DatabaseCopy::valid).count();
        String expected = "a valid copy taken within " + maxHours + " h";
        if (newest.isEmpty()) {
            out.add(0, Finding.fail(copies.isEmpty() ? "no database copy found" : "no valid database copy among "
                    + copies.size()).observed(copies.size() + " copies, " + valid + " valid (looked in " + evidence + ")")
                    .expected(expected).evidence(evidence).fix(fix));
            return out;
        }
        DatabaseCopy c = newest.get();
        Duration age = Duration.between(c.taken().get(), now);
        String observed = "newest valid copy " + c.dir() + " (" + c.kind() + ") taken " + c.taken().get()
                + " (" + (age.isNegative() ? "in the future: clock skew?" : WalHealthCheck.human(age) + " ago")
                + ", from " + c.takenSource() + "); " + valid + " valid of " + copies.size();
        Finding f = age.toHours() >= maxHours
                ? Finding.warn("the newest valid database copy is " + WalHealthCheck.human(age) + " old").fix(fix)
                : Finding.pass("a valid database copy is " + (age.isNegative() ? "recent" : WalHealthCheck.human(age)
                + " old"));
        out.add(0, f.observed(observed).expected(expected).evidence(evidence));
        return out;
    }
}
