package dev.dlvaudit.datalevin;

import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DatabaseReader;
import dev.dlvaudit.db.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.parser.Parsers;

/**
 * A copy of a database: a WAL snapshot ({@code snapshots/current}, {@code snapshots/previous},
 * each with {@code snapshot.edn}) or a directory of a backup location (e.g. made by
 * {@code dtlv copy}). Its time comes from {@code snapshot.edn} ({@code :completed-ms}, else
 * {@code :created-ms}) or, failing that, {@code data.mdb}'s modification time; its validity
 * from the database reader ({@link DatabaseReader#read}): a current meta page and no problem in
 * {@code data.mdb} (a copy needs no lock file, so lock-file problems do not count).
 */
public record DatabaseCopy(Path dir, String kind, Optional<Instant> taken, String takenSource,
                           DatabaseFacts facts) {

    static final int MAX_SNAPSHOT_EDN = 64 * 1024;
    static final int MAX_BACKUP_DIRS = 10_000;

    public boolean valid() {
        return facts.current().isPresent() && dataProblems().isEmpty();
    }

    /** Why the copy is not a valid database; empty when it is. */
    public String problem() {
        List<Problem> p = dataProblems();
        if (!p.isEmpty()) {
            return String.join("; ", p.stream().map(Problem::message).toList());
        }
        return facts.current().isPresent() ? "" : facts.input() + ": neither meta page is valid";
    }

    private List<Problem> dataProblems() {
        return facts.problems().stream()
                .filter(p -> p.kind().consequence() != Problem.Consequence.LOCK_FILE_DAMAGED).toList();
    }

    /** {@code snapshots/current} and {@code snapshots/previous} of a database directory, those that exist. */
    public static List<DatabaseCopy> snapshots(Path databaseDir) {
        List<DatabaseCopy> out = new ArrayList<>();
        for (String slot : List.of("current", "previous")) {
            Path dir = databaseDir.resolve("snapshots").resolve(slot);
            if (Files.isDirectory(dir)) {
                out.add(of(dir, "WAL snapshot (" + slot + ")"));
            }
        }
        return out;
    }

    /**
     * Copies in a backup directory: the directory itself if it holds {@code data.mdb}, else each
     * subdirectory (one level, and their {@code snapshots/} slots are not followed).
     */
    public static List<DatabaseCopy> backups(Path backupDir) throws IOException {
        List<DatabaseCopy> out = new ArrayList<>();
        if (Files.isRegularFile(backupDir.resolve("data.mdb"))) {
            out.add(of(backupDir, "backup copy"));
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(backupDir, Files::isDirectory)) {
            for (Path p : ds) {
                if (out.size() >= MAX_BACKUP_DIRS) {
                    break;
                }
                out.add(of(p, "backup copy"));
            }
        }
        out.sort(Comparator.comparing(DatabaseCopy::dir));
        return out;
    }

    public static DatabaseCopy of(Path dir, String kind) {
        Path data = dir.resolve("data.mdb");
        DatabaseFacts facts = DatabaseReader.read(dir);
        Path edn = dir.resolve("snapshot.edn");
        if (Files.isRegularFile(edn)) {
            Optional<Instant> t = snapshotTime(edn);
            if (t.isPresent()) {
                return new DatabaseCopy(dir, kind, t, edn + " :completed-ms", facts);
            }
        }
        try {
            if (Files.isRegularFile(data)) {
                return new DatabaseCopy(dir, kind, Optional.of(Files.getLastModifiedTime(data).toInstant()),
                        data + " modification time", facts);
            }
        } catch (IOException e) {
            // fall through: no time
        }
        return new DatabaseCopy(dir, kind, Optional.empty(), "no snapshot.edn and no data.mdb", facts);
    }

    static Optional<Instant> snapshotTime(Path edn) {
        try (InputStream in = Files.newInputStream(edn)) {
            String text = new String(in.readNBytes(MAX_SNAPSHOT_EDN), StandardCharsets.UTF_8);
            Object v = Parsers.newParser(Parsers.defaultConfiguration()).nextValue(Parsers.newParseable(text));
            if (v instanceof Map) {
                Map<?, ?> m = (Map<?, ?>) v;
                for (String key : List.of("completed-ms", "created-ms")) {
                    Object ms = m.get(Keyword.newKeyword(key));
                    if (ms instanceof Long) {
                        return Optional.of(Instant.ofEpochMilli((Long) ms));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable or malformed: the caller falls back to the modification time
        }
        return Optional.empty();
    }
}
