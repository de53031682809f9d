package dev.dlvaudit.db;

/** Which engine wrote {@code data.mdb}, as far as the data file tells. */
public enum EngineKind {
    STOCK_LMDB("stock LMDB"),
    DLMDB_FORMAT_1("DLMDB format 1"),
    DLMDB_FORMAT_2("DLMDB format 2"),
    /** Data version 1 with nothing in data.mdb telling stock from DLMDB (e.g. no named DBI yet). */
    DATA_VERSION_1("LMDB data version 1 (stock or DLMDB format 1: nothing in data.mdb tells)"),
    /** No valid meta page, or an unknown data version. */
    UNKNOWN("unknown");

    private final String label;

    EngineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
