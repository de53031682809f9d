package dev.dlvaudit.db;

/**
 * Where a leaf node's data starts, decided from {@code data.mdb} itself (on-disk-format.md §2).
 */
public enum NodeLayout {
    /** Stock LMDB: data right after the key ({@code node + 8 + ksize}). */
    STOCK("stock (data after the key)"),
    /** DLMDB since November 2025: keys padded to even length ({@code node + 8 + EVEN(ksize)}). */
    EVEN_PADDED("even-padded keys (DLMDB)"),
    /** No odd-length key among the named DBIs: both layouts read the same bytes for them. */
    UNDECIDED("undecided (no odd-length DBI name)"),
    /** Page-level facts not read (DLMDB format 2, no valid meta, unknown data version). */
    NOT_AVAILABLE("not available");

    private final String label;

    NodeLayout(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
