package dev.dlvaudit.facts;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactException;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.db.DatabaseFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Reads the POSIX mode and owner of the target's files without following links first (a link is reported as such). */
public final class DatabaseFileModesProvider implements FactProvider<DatabaseFileModes> {
    @Override
    public Class<DatabaseFileModes> type() {
        return DatabaseFileModes.class;
    }

    @Override
    public Scope scope() {
        return Scope.DATABASE;
    }

    @Override
    public DatabaseFileModes read(CheckContext context) {
        DatabaseFacts facts = context.fact(DatabaseFacts.class);
        List<DatabaseFileModes.Entry> out = new ArrayList<>();
        Path dir = facts.noSubdir() ? facts.input().toAbsolutePath().getParent() : facts.input();
        add(out, "directory", dir);
        if (facts.dataFile() != null) {
            add(out, "data file", facts.dataFile());
        }
        if (facts.lockFile() != null && Files.exists(facts.lockFile(), LinkOption.NOFOLLOW_LINKS)) {
            add(out, "lock file", facts.lockFile());
        }
        return new DatabaseFileModes(out);
    }

    private static void add(List<DatabaseFileModes.Entry> out, String role, Path path) {
        if (path == null || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Path link = null;
            if (a.isSymbolicLink()) {
                link = Files.readSymbolicLink(path);
                a = Files.readAttributes(path, PosixFileAttributes.class);
            }
            out.add(new DatabaseFileModes.Entry(role, path, link, a.permissions(), a.owner().getName(), a.group().getName()));
        } catch (UnsupportedOperationException e) {
            throw new FactException(path + ": the filesystem has no POSIX permissions to read");
        } catch (IOException e) {
            throw new FactException(path + ": cannot read its mode and owner: " + e.getMessage(), e);
        }
    }
}
