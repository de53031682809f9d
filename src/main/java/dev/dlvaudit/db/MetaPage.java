package dev.dlvaudit.db;

import java.util.List;

/**
 * One of the two meta pages (page 0 or 1) as read, whether or not it is valid. {@link #valid()}
 * is true when its magic and data version are known, it read the same twice, and its page size,
 * last page and roots are sane; {@link #defects()} says why not otherwise.
 */
public record MetaPage(int page, long magic, long version, long address, long mapSize,
                       DbRecord freeDb, DbRecord mainDb, long lastPage, long txnid,
                       boolean stable, List<String> defects) {

    public static final long MAGIC = 0xBEEFC0DEL;
    /** Offsets within the page. */
    static final int OFF_MAGIC = 16;
    static final int OFF_VERSION = 20;
    static final int OFF_ADDRESS = 24;
    static final int OFF_MAPSIZE = 32;
    static final int OFF_FREE_DB = 40;
    static final int OFF_MAIN_DB = 88;
    static final int OFF_LAST_PG = 136;
    static final int OFF_TXNID = 144;
    /** Bytes 0..152 of the page cover the whole meta record. */
    static final int META_END = 152;

    public MetaPage {
        defects = List.copyOf(defects);
    }

    static MetaPage parse(int page, byte[] b, boolean stable, List<String> defects) {
        return new MetaPage(page, Bytes.u32(b, OFF_MAGIC), Bytes.u32(b, OFF_VERSION),
                Bytes.u64(b, OFF_ADDRESS), Bytes.u64(b, OFF_MAPSIZE),
                DbRecord.parse(b, OFF_FREE_DB), DbRecord.parse(b, OFF_MAIN_DB),
                Bytes.u64(b, OFF_LAST_PG), Bytes.u64(b, OFF_TXNID), stable, defects);
    }

    public boolean magicOk() {
        return magic == MAGIC;
    }

    /** Data version 1 (stock LMDB and DLMDB format 1) or 2 (DLMDB format 2). */
    public boolean versionKnown() {
        return version == 1 || version == 2;
    }

    public boolean valid() {
        return defects.isEmpty();
    }

    /** The page size recorded in FREE_DBI's {@code md_pad}. */
    public long pageSize() {
        return freeDb.pad();
    }

    /** The persistent environment flags (FREE_DBI {@code md_flags}), e.g. NOSUBDIR 0x4000. */
    public int envFlags() {
        return freeDb.flags();
    }
}
