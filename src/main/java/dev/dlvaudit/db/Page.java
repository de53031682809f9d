package dev.dlvaudit.db;

/**
 * A page image (or a DUPSORT sub-page inside a leaf node): 16-byte header {@code mp_pgno} u64 @0,
 * {@code mp_pad} u16 @8, {@code mp_flags} u16 @10, {@code mp_lower} u16 @12, {@code mp_upper} u16 @14,
 * then {@code mp_ptrs[]} (u16 offsets from the page start).
 */
final class Page {
    static final int HEADER = 16;
    static final int BRANCH = 0x01;
    static final int LEAF = 0x02;
    static final int OVERFLOW = 0x04;
    static final int META = 0x08;
    static final int LEAF2 = 0x20;
    static final int SUBP = 0x40;
    /** DLMDB: a branch page whose nodes carry an 8-byte subtree count before the key. */
    static final int COUNTED = 0x80;

    static final int NODE_HEADER = 8;
    static final int F_BIGDATA = 0x01;
    static final int F_SUBDATA = 0x02;
    static final int F_DUPDATA = 0x04;

    final byte[] b;
    final int base;
    final int len;
    final long expectedPgno;

    Page(byte[] b, int base, int len, long expectedPgno) {
        this.b = b;
        this.base = base;
        this.len = len;
        this.expectedPgno = expectedPgno;
    }

    long pgno() {
        return Bytes.u64(b, base);
    }

    int pad() {
        return Bytes.u16(b, base + 8);
    }

    int flags() {
        return Bytes.u16(b, base + 10);
    }

    int lower() {
        return Bytes.u16(b, base + 12);
    }

    int upper() {
        return Bytes.u16(b, base + 14);
    }

    boolean isBranch() {
        return (flags() & BRANCH) != 0;
    }

    boolean isLeaf() {
        return (flags() & LEAF) != 0;
    }

    boolean isLeaf2() {
        return (flags() & LEAF2) != 0;
    }

    boolean isCounted() {
        return (flags() & COUNTED) != 0;
    }

    /** Overflow run length (u32 @12) of an overflow page. */
    long overflowPages() {
        return Bytes.u32(b, base + 12);
    }

    int u16(int off) {
        return Bytes.u16(b, base + off);
    }

    long u64(int off) {
        return Bytes.u64(b, base + off);
    }

    /** {@code (mp_lower - 16) / 2}, checked against the page's bounds. */
    int numKeys(String what) throws DatabaseFormatException {
        int lower = lower();
        int upper = upper();
        if (lower < HEADER || (lower & 1) != 0 || lower > len || upper > len || lower > upper + 0) {
            throw bad(what + ": page header bounds lower=" + lower + " upper=" + upper + " (page size " + len + ")");
        }
        return (lower - HEADER) / 2;
    }

    /** Offset (relative to the page start) of node {@code i}, checked to leave room for its header. */
    int nodeOffset(int i, String what) throws DatabaseFormatException {
        int off = u16(HEADER + 2 * i);
        if (off < HEADER || off + NODE_HEADER > len) {
            throw bad(what + ": node " + i + " offset " + off + " is outside the page");
        }
        return off;
    }

    DatabaseFormatException bad(String what) {
        return new DatabaseFormatException(Problem.Kind.PAGE_CORRUPT, null,
                "corrupt page " + Long.toUnsignedString(expectedPgno) + ": " + what);
    }
}
