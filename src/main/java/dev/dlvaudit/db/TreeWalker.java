package dev.dlvaudit.db;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Walks one B+tree of {@code data.mdb} in key order, bounded: page numbers within the snapshot's
 * used pages and the file, depth below {@link #MAX_DEPTH}, no page visited twice. Handles DLMDB's
 * counted branch pages and even-padded leaf nodes.
 */
final class TreeWalker {
    static final int MAX_DEPTH = 32;

    /** Called for every key slot of every leaf page in key order; return false to stop. */
    interface LeafVisitor {
        boolean visit(Page leaf, int index) throws DatabaseFormatException;
    }

    /** What a walk counted; compare with the tree's DB record. */
    static final class Stats {
        int depth;
        long branchPages;
        long leafPages;
        long overflowPages;
        long entries;
        boolean countedPagesSeen;
        boolean stopped;

        String mismatch(DbRecord rec) {
            StringBuilder sb = new StringBuilder();
            cmp(sb, "depth", rec.depth(), depth);
            cmp(sb, "branch pages", rec.branchPages(), branchPages);
            cmp(sb, "leaf pages", rec.leafPages(), leafPages);
            cmp(sb, "overflow pages", rec.overflowPages(), overflowPages);
            cmp(sb, "entries", rec.entries(), entries);
            return sb.length() == 0 ? null : sb.toString();
        }

        private static void cmp(StringBuilder sb, String what, long recorded, long walked) {
            if (recorded != walked) {
                sb.append(sb.length() == 0 ? "" : ", ").append(what).append(" recorded ")
                        .append(Long.toUnsignedString(recorded)).append(" but walked ").append(walked);
            }
        }
    }

    private final PageFile pf;
    private final boolean padded;

    TreeWalker(PageFile pf, boolean padded) {
        this.pf = pf;
        this.padded = padded;
    }

    // ---- node accessors ----

    static int nodeFlags(Page p, int off) {
        return p.u16(off + 4);
    }

    static int keySize(Page p, int off) {
        return p.u16(off + 6);
    }

    static long dataSize(Page p, int off) {
        return p.u16(off) | (long) p.u16(off + 2) << 16;
    }

    static long child(Page p, int off) {
        return p.u16(off) | (long) p.u16(off + 2) << 16 | (long) p.u16(off + 4) << 32;
    }

    int dataOffset(Page p, int off) {
        int ks = keySize(p, off);
        return off + Page.NODE_HEADER + (padded ? (ks + 1) & ~1 : ks);
    }

    /** Checks a leaf node's key and data lie within the page; returns its offset. */
    int leafNode(Page p, int i, String what) throws DatabaseFormatException {
        int off = p.nodeOffset(i, what);
        int flags = nodeFlags(p, off);
        long need = (flags & Page.F_BIGDATA) != 0 ? 8 : dataSize(p, off);
        if (dataOffset(p, off) + need > p.len) {
            throw p.bad(what + ": leaf node " + i + " (key " + keySize(p, off) + " bytes, data " + need
                    + " bytes) runs past the end of the page");
        }
        return off;
    }

    // ---- the walk ----

    Stats walk(String what, DbRecord rec, LeafVisitor visitor, boolean deep) throws DatabaseFormatException {
        return walk(what, rec, visitor, deep, false);
    }

    /** Walks a DUPSORT sub-database: its leaf nodes must carry no flags. */
    Stats walkNested(String what, DbRecord rec, LeafVisitor visitor) throws DatabaseFormatException {
        return walk(what, rec, visitor, false, true);
    }

    /** {@code nested}: a DUPSORT sub-database, whose leaf nodes carry no data and no node flags. */
    private Stats walk(String what, DbRecord rec, LeafVisitor visitor, boolean deep, boolean nested)
            throws DatabaseFormatException {
        Stats st = new Stats();
        if (rec.isEmpty()) {
            return st;
        }
        Set<Long> visited = new HashSet<>();
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(enter(what, rec.root(), 1, visited, st));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            Page p = f.page;
            if (p.isBranch()) {
                if (f.next >= f.count) {
                    stack.pop();
                    continue;
                }
                int off = p.nodeOffset(f.next++, what);
                long child = child(p, off);
                if (f.level + 1 > MAX_DEPTH) {
                    throw p.bad(what + ": tree deeper than " + MAX_DEPTH + " levels");
                }
                stack.push(enter(what, child, f.level + 1, visited, st));
                continue;
            }
            stack.pop();
            if (st.depth == 0) {
                st.depth = f.level;
            } else if (st.depth != f.level) {
                throw p.bad(what + ": leaf at level " + f.level + " but another at level " + st.depth);
            }
            st.leafPages++;
            if (p.isLeaf2()) {
                st.entries += f.count;
                long ks = p.pad();
                if (ks == 0 || Page.HEADER + ks * f.count > p.len) {
                    throw p.bad(what + ": LEAF2 page with " + f.count + " keys of " + ks + " bytes");
                }
            } else {
                for (int i = 0; i < f.count; i++) {
                    int off = leafNode(p, i, what);
                    if (nested) {
                        if (nodeFlags(p, off) != 0) {
                            throw p.bad(what + ": node " + i + " of a duplicates sub-database has flags 0x"
                                    + Integer.toHexString(nodeFlags(p, off)));
                        }
                        st.entries++;
                    } else {
                        countNode(what, rec, p, off, st, deep);
                    }
                }
            }
            if (visitor != null) {
                for (int i = 0; i < f.count; i++) {
                    if (!visitor.visit(p, i)) {
                        st.stopped = true;
                        return st;
                    }
                }
            }
        }
        return st;
    }

    private static final class Frame {
        final Page page;
        final int level;
        final int count;
        int next;

        Frame(Page page, int level, int count) {
            this.page = page;
            this.level = level;
            this.count = count;
        }
    }

    private Frame enter(String what, long pgno, int level, Set<Long> visited, Stats st)
            throws DatabaseFormatException {
        if (!visited.add(pgno)) {
            throw pf.corrupt(pgno, what + ": page reached twice (a cycle)");
        }
        if (visited.size() > pf.filePages()) {
            throw pf.corrupt(pgno, what + ": more pages than the file holds");
        }
        Page p = pf.page(pgno, what);
        int flags = p.flags();
        boolean branch = (flags & Page.BRANCH) != 0;
        boolean leaf = (flags & Page.LEAF) != 0;
        if (branch == leaf || (flags & (Page.OVERFLOW | Page.META | Page.SUBP)) != 0) {
            throw p.bad(what + ": expected a branch or leaf page, flags are 0x" + Integer.toHexString(flags));
        }
        int n = p.numKeys(what);
        if (branch) {
            if (n < 1) {
                throw p.bad(what + ": branch page without nodes");
            }
            st.branchPages++;
            if (p.isCounted()) {
                st.countedPagesSeen = true;
            }
        }
        return new Frame(p, level, n);
    }

    private void countNode(String what, DbRecord rec, Page p, int off, Stats st, boolean deep)
            throws DatabaseFormatException {
        int flags = nodeFlags(p, off);
        int dataOff = dataOffset(p, off);
        if ((flags & Page.F_BIGDATA) != 0) {
            long pgno = p.u64(dataOff);
            st.overflowPages += overflowRun(what, pgno, dataSize(p, off));
            st.entries++;
        } else if ((flags & Page.F_DUPDATA) != 0 && (flags & Page.F_SUBDATA) != 0) {
            DbRecord sub = subRecord(what, p, off);
            st.entries += sub.entries();
            if (deep) {
                Stats ss = walk(what + " (duplicates sub-database)", sub, null, true, true);
                String mm = ss.mismatch(sub);
                if (mm != null) {
                    throw new DatabaseFormatException(Problem.Kind.STATS_MISMATCH, pf.path,
                            what + ": a duplicates sub-database's record disagrees with its pages: " + mm);
                }
            }
        } else if ((flags & Page.F_DUPDATA) != 0) {
            Page sub = subPage(what, p, off);
            st.entries += sub.numKeys(what + " (duplicates sub-page)");
        } else {
            st.entries++;
        }
    }

    /** Number of pages of the overflow run at {@code pgno} holding {@code dataSize} bytes, checked. */
    long overflowRun(String what, long pgno, long dataSize) throws DatabaseFormatException {
        Page head = pf.page(pgno, what + " (overflow value)");
        if ((head.flags() & Page.OVERFLOW) == 0) {
            throw head.bad(what + ": expected an overflow page, flags are 0x" + Integer.toHexString(head.flags()));
        }
        long n = head.overflowPages();
        pf.checkPageNumber(pgno, n, what + " (overflow value)");
        if (Page.HEADER + dataSize > n * pf.pageSize) {
            throw head.bad(what + ": overflow run of " + n + " pages cannot hold " + dataSize + " bytes");
        }
        return n;
    }

    /** The 48-byte DB record of a DUPSORT sub-database node. */
    DbRecord subRecord(String what, Page p, int off) throws DatabaseFormatException {
        long ds = dataSize(p, off);
        int dataOff = dataOffset(p, off);
        if (ds != DbRecord.SIZE || dataOff + DbRecord.SIZE > p.len) {
            throw p.bad(what + ": a duplicates sub-database record of " + ds + " bytes (expected 48)");
        }
        return DbRecord.parse(p.b, p.base + dataOff);
    }

    /** The inline DUPSORT sub-page of a leaf node. */
    Page subPage(String what, Page p, int off) throws DatabaseFormatException {
        int dataOff = dataOffset(p, off);
        long ds = dataSize(p, off);
        if (ds < Page.HEADER || dataOff + ds > p.len) {
            throw p.bad(what + ": duplicates sub-page of " + ds + " bytes does not fit");
        }
        Page sub = new Page(p.b, p.base + dataOff, (int) ds, p.expectedPgno);
        if ((sub.flags() & Page.SUBP) == 0) {
            throw p.bad(what + ": duplicates sub-page without the SUBP flag (0x"
                    + Integer.toHexString(sub.flags()) + ")");
        }
        return sub;
    }

    // ---- keys and values ----

    /** The key of node/slot {@code i} of a leaf page, prefix compression expanded. */
    byte[] leafKey(String what, Page p, int i, boolean prefix, byte[][] firstKeyCache)
            throws DatabaseFormatException {
        if (p.isLeaf2()) {
            int ks = p.pad();
            int from = p.base + Page.HEADER + i * ks;
            if (ks == 0 || Page.HEADER + (long) (i + 1) * ks > p.len) {
                throw p.bad(what + ": LEAF2 key " + i + " outside the page");
            }
            return java.util.Arrays.copyOfRange(p.b, from, from + ks);
        }
        int off = p.nodeOffset(i, what);
        int ks = keySize(p, off);
        int keyOff = off + Page.NODE_HEADER;
        if (keyOff + ks > p.len) {
            throw p.bad(what + ": key of node " + i + " (" + ks + " bytes) runs past the end of the page");
        }
        byte[] raw = java.util.Arrays.copyOfRange(p.b, p.base + keyOff, p.base + keyOff + ks);
        if (!prefix) {
            return raw;
        }
        if (i == 0) {
            firstKeyCache[0] = raw;
            return raw;
        }
        byte[] first = firstKeyCache[0];
        if (first == null) {
            first = leafKey(what, p, 0, true, firstKeyCache);
        }
        long shared = 0;
        int j = 0;
        while (true) {
            if (j >= raw.length || j >= 5) {
                throw p.bad(what + ": bad prefix length varint in node " + i);
            }
            int c = raw[j++] & 0xFF;
            shared = shared << 7 | (c & 0x7F);
            if ((c & 0x80) == 0) {
                break;
            }
        }
        if (shared > first.length) {
            throw p.bad(what + ": node " + i + " shares " + shared + " bytes with a " + first.length + "-byte first key");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) shared + raw.length - j);
        out.write(first, 0, (int) shared);
        out.write(raw, j, raw.length - j);
        return out.toByteArray();
    }

    /** The value of a plain (non-DUPDATA) leaf node, reading an overflow value if BIGDATA. */
    byte[] leafValue(String what, Page p, int off) throws DatabaseFormatException {
        int flags = nodeFlags(p, off);
        int dataOff = dataOffset(p, off);
        long ds = dataSize(p, off);
        if ((flags & Page.F_BIGDATA) != 0) {
            long pgno = p.u64(dataOff);
            overflowRun(what, pgno, ds);
            return pf.read(pgno * pf.pageSize + Page.HEADER, (int) ds);
        }
        return java.util.Arrays.copyOfRange(p.b, p.base + dataOff, p.base + dataOff + (int) ds);
    }
}
