package dev.dlvaudit.db;

/** A named DBI: a key of MAIN_DBI whose node carries SUBDATA, with its DB record. */
public record NamedDbi(String name, byte[] rawName, DbRecord record) {

    /** Overflow pages / all pages of this DBI (0 for an empty one). */
    public double overflowRatio() {
        long total = record.totalPages();
        return total == 0 ? 0.0 : (double) record.overflowPages() / total;
    }
}
