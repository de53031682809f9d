package dev.dlvaudit.db;

import java.util.Arrays;

/**
 * A named DBI: a key of MAIN_DBI whose node carries SUBDATA, with its DB record. {@code name} is
 * the key decoded as UTF-8; {@code rawName} the key's bytes.
 */
public record NamedDbi(String name, byte[] rawName, DbRecord record) {

    public NamedDbi {
        rawName = rawName.clone();
    }

    @Override
    public byte[] rawName() {
        return rawName.clone();
    }

    /** Overflow pages / all pages of this DBI (0 for an empty one). */
    public double overflowRatio() {
        long total = record.totalPages();
        return total == 0 ? 0.0 : (double) record.overflowPages() / total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedDbi d && name.equals(d.name) && Arrays.equals(rawName, d.rawName)
                && record.equals(d.record);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + record.hashCode();
    }

    @Override
    public String toString() {
        return "NamedDbi[" + name + ", " + record + "]";
    }
}
