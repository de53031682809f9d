package dev.dlvaudit.db;

/**
 * A 48-byte LMDB DB record ({@code MDB_db}): {@code md_pad} u32 @0 (the page size for FREE_DBI),
 * {@code md_flags} u16 @4, {@code md_depth} u16 @6, branch/leaf/overflow page counts, entries and
 * the root page ({@link #EMPTY_ROOT} for an empty tree).
 */
public record DbRecord(long pad, int flags, int depth, long branchPages, long leafPages,
                       long overflowPages, long entries, long root) {

    public static final int SIZE = 48;
    public static final long EMPTY_ROOT = -1L;

    public static final int REVERSEKEY = 0x02;
    public static final int DUPSORT = 0x04;
    public static final int INTEGERKEY = 0x08;
    public static final int DUPFIXED = 0x10;
    public static final int INTEGERDUP = 0x20;
    public static final int REVERSEDUP = 0x40;
    /** DLMDB: subtree counts on branch pages. */
    public static final int COUNTED = 0x80;
    /** DLMDB: prefix-compressed keys on leaf pages. */
    public static final int PREFIX_COMPRESSION = 0x100;
    /** Every per-DBI flag either engine persists. */
    public static final int KNOWN_FLAGS = 0x1FE;

    static DbRecord parse(byte[] b, int off) {
        return new DbRecord(Bytes.u32(b, off), Bytes.u16(b, off + 4), Bytes.u16(b, off + 6),
                Bytes.u64(b, off + 8), Bytes.u64(b, off + 16), Bytes.u64(b, off + 24),
                Bytes.u64(b, off + 32), Bytes.u64(b, off + 40));
    }

    public boolean isEmpty() {
        return root == EMPTY_ROOT;
    }

    public boolean dupSort() {
        return (flags & DUPSORT) != 0;
    }

    public boolean prefixCompressed() {
        return (flags & PREFIX_COMPRESSION) != 0;
    }

    /** Has a DLMDB-only flag (COUNTED or PREFIX_COMPRESSION). */
    public boolean dlmdbFlags() {
        return (flags & (COUNTED | PREFIX_COMPRESSION)) != 0;
    }

    /** Pages of this tree (not counting DUPSORT sub-databases, as LMDB counts them). */
    public long totalPages() {
        return branchPages + leafPages + overflowPages;
    }

    /** Flags as the libraries print them, e.g. {@code 0x184}. */
    public String flagsHex() {
        return "0x" + Integer.toHexString(flags);
    }
}
