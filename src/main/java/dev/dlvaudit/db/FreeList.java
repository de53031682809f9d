package dev.dlvaudit.db;

import java.util.List;

/**
 * The free list (FREE_DBI): one record per transaction that freed pages, key = that txnid,
 * value = an ID list whose count is the number of pages it freed.
 *
 * @param freePages the sum of the records' counts ("Free pages" of {@code mdb_stat -f})
 * @param records   the records, in key order
 */
public record FreeList(long freePages, List<Record> records) {

    public record Record(long txnid, long pages) {
    }

    public FreeList {
        records = List.copyOf(records);
    }

    public int recordCount() {
        return records.size();
    }
}
