package dev.dlvaudit.facts;

import dev.dlvaudit.api.FactException;
import dev.dlvaudit.db.DatabaseFacts;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The few numbers of the current meta page the process checks need, taken from the reader's
 * {@link DatabaseFacts} (the one place that reads those bytes).
 *
 * @param usedBytes {@code (mm_last_pg + 1) * psize}
 */
public record DataFileMeta(Path dataFile, long mapSize, int pageSize, long usedBytes, long txnId, long fileBytes) {

    /** The numbers of a database the reader could read; a FactException naming the file when there is no valid meta. */
    public static DataFileMeta from(DatabaseFacts facts) {
        if (facts.current().isEmpty() || facts.mapSize().isEmpty() || facts.usedBytes().isEmpty()) {
            String why = facts.problems().isEmpty() ? "no valid meta page" : facts.problems().get(0).message();
            throw new FactException(facts.dataFile() + ": the map size cannot be read: " + why);
        }
        return new DataFileMeta(facts.dataFile(), facts.mapSize().getAsLong(), facts.pageSize(),
                facts.usedBytes().getAsLong(), facts.txnid().orElse(0), facts.dataFileSize());
    }

    /** The data file of a database directory, or the path itself for MDB_NOSUBDIR. */
    public static Path dataFileOf(Path target) {
        return Files.isDirectory(target) ? target.resolve("data.mdb") : target;
    }
}
