package dev.dlvaudit.db;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The pure-Java LMDB/DLMDB reader: {@link #read(Path)} gathers a {@link DatabaseFacts};
 * {@link #open(Path)} also gives key/value access to the named DBIs ({@link DbiEntries}).
 *
 * <p>Read-only by construction: the data and lock files are opened with
 * {@code FileChannel.open(path, READ)} and read with positional reads; nothing is mapped, locked,
 * created or written. Damage becomes {@link Problem}s in the facts, never an uncaught exception.
 */
public final class DatabaseReader implements DbiEntries, Closeable {
    static final int META_READ_ATTEMPTS = 5;
    static final int WALK_ATTEMPTS = 3;
    private static final int[] CANDIDATE_PAGE_SIZES = {4096, 8192, 16384, 32768, 65536, 512, 1024, 2048};

    private final DatabaseFacts facts;
    private final PageFile pf;

    private DatabaseReader(DatabaseFacts facts, PageFile pf) {
        this.facts = facts;
        this.pf = pf;
    }

    /** Reads the facts of the environment at {@code path} (a directory, or an MDB_NOSUBDIR data file). */
    public static DatabaseFacts read(Path path) {
        try (DatabaseReader r = open(path)) {
            return r.facts();
        } catch (IOException e) {
            throw new IllegalStateException(e); // close() of a read-only channel: not expected
        }
    }

    /** Opens the environment read-only and reads its facts; never throws for a damaged database. */
    public static DatabaseReader open(Path path) {
        Builder b = new Builder(path);
        b.run();
        return new DatabaseReader(b.build(), b.pf);
    }

    public DatabaseFacts facts() {
        return facts;
    }

    /** Bytes read from the data file so far (for benchmarks). */
    public long dataBytesRead() {
        return pf == null ? 0 : pf.bytesRead;
    }

    @Override
    public void close() throws IOException {
        if (pf != null) {
            pf.close();
        }
    }

    // ---- DbiEntries ----

    @Override
    public List<String> dbiNames() throws IOException {
        requirePageLevel();
        return facts.dbis().stream().map(NamedDbi::name).toList();
    }

    @Override
    public Optional<List<KeyValue>> entries(String dbi, int maxEntries) throws IOException {
        requirePageLevel();
        Optional<NamedDbi> d = facts.dbi(dbi);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        List<KeyValue> out = new ArrayList<>();
        if (maxEntries <= 0) {
            return Optional.of(out);
        }
        DbRecord rec = d.get().record();
        boolean prefix = rec.prefixCompressed();
        TreeWalker w = walker();
        String what = "DBI " + dbi;
        try {
            Page[] lastPage = {null};
            byte[][] firstKey = {null};
            w.walk(what, rec, (leaf, i) -> {
                if (leaf != lastPage[0]) {
                    lastPage[0] = leaf;
                    firstKey[0] = null;
                }
                byte[] key = w.leafKey(what, leaf, i, prefix, firstKey);
                if (leaf.isLeaf2()) {
                    out.add(new KeyValue(key, new byte[0]));
                    return out.size() < maxEntries;
                }
                int off = w.leafNode(leaf, i, what);
                int flags = TreeWalker.nodeFlags(leaf, off);
                if ((flags & Page.F_DUPDATA) != 0 && (flags & Page.F_SUBDATA) != 0) {
                    DbRecord sub = w.subRecord(what, leaf, off);
                    Page[] subLast = {null};
                    byte[][] subFirst = {null};
                    w.walkNested(what + " (duplicates)", sub, (sl, j) -> {
                        if (sl != subLast[0]) {
                            subLast[0] = sl;
                            subFirst[0] = null;
                        }
                        out.add(new KeyValue(key, w.leafKey(what, sl, j, prefix, subFirst)));
                        return out.size() < maxEntries;
                    });
                } else if ((flags & Page.F_DUPDATA) != 0) {
                    Page sub = w.subPage(what, leaf, off);
                    int n = sub.numKeys(what + " (duplicates sub-page)");
                    byte[][] subFirst = {null};
                    for (int j = 0; j < n && out.size() < maxEntries; j++) {
                        out.add(new KeyValue(key, w.leafKey(what, sub, j, prefix, subFirst)));
                    }
                } else {
                    out.add(new KeyValue(key, w.leafValue(what, leaf, off)));
                }
                return out.size() < maxEntries;
            }, false);
        } catch (DatabaseFormatException e) {
            checkSnapshotStillValid(); // a writer reused pages under us: say so rather than "corrupt"
            throw withFile(e);
        }
        checkSnapshotStillValid();
        return Optional.of(out);
    }

    /**
     * Walks every page of a named DBI (and its DUPSORT sub-databases) and compares the counts with
     * its record: a deep consistency check, reading the whole tree. Returns null when they agree,
     * else what differs.
     */
    public String verifyDbi(String dbi) throws IOException {
        requirePageLevel();
        NamedDbi d = facts.dbi(dbi).orElseThrow(() -> new IllegalArgumentException("no DBI " + dbi));
        try {
            return walker().walk("DBI " + dbi, d.record(), null, true).mismatch(d.record());
        } catch (DatabaseFormatException e) {
            throw withFile(e);
        }
    }

    private TreeWalker walker() {
        boolean padded = switch (facts.layout()) {
            case EVEN_PADDED -> true;
            case STOCK -> false;
            // no odd DBI name decided it: current DLMDB pads, stock does not
            default -> facts.engine() == EngineKind.DLMDB_FORMAT_1;
        };
        return new TreeWalker(pf, padded);
    }

    private void requirePageLevel() throws DatabaseFormatException {
        if (pf == null || facts.walkState() != WalkState.COMPLETE) {
            Path f = facts.dataFile() != null ? facts.dataFile() : facts.input();
            String why = facts.walkNote() != null ? facts.walkNote()
                    : facts.problems().isEmpty() ? "page-level facts not available" : facts.problems().get(0).message();
            throw new DatabaseFormatException(Problem.of(Problem.Kind.WALK_INCONSISTENT, f,
                    "cannot read DBI entries: " + why));
        }
    }

    private void checkSnapshotStillValid() throws DatabaseFormatException {
        long walked = facts.txnid().orElse(0);
        List<MetaPage> now = Builder.readMetas(pf, new ArrayList<>());
        long cur = now.stream().filter(MetaPage::valid).mapToLong(MetaPage::txnid).max().orElse(walked);
        if (cur - walked > 1) {
            throw new DatabaseFormatException(Problem.Kind.WALK_INCONSISTENT, pf.path, "the database moved from txn "
                    + walked + " to " + cur + " while its entries were read: pages may have been reused; read again");
        }
    }

    private DatabaseFormatException withFile(DatabaseFormatException e) {
        if (e.problem().file() != null || pf == null) {
            return e;
        }
        return new DatabaseFormatException(Problem.of(e.problem().kind(), pf.path, e.getMessage()));
    }

    // ---- building the facts ----

    private static final class Builder {
        final Path input;
        DatabaseFiles files;
        PageFile pf;
        long dataSize = -1;
        long[] inode = {-1, -1};
        int pageSize;
        List<MetaPage> metas = new ArrayList<>();
        int current = -1;
        EngineKind engine = EngineKind.UNKNOWN;
        NodeLayout layout = NodeLayout.NOT_AVAILABLE;
        WalkState walkState = WalkState.NOT_AVAILABLE;
        String walkNote;
        FreeList freeList;
        List<NamedDbi> dbis = List.of();
        boolean counted;
        LockInfo lock;
        final List<Problem> problems = new ArrayList<>();
        /** First page missing from a short file, or -1. */
        long missingFrom = -1;
        /** Free pages numbered at or after {@link #missingFrom}. */
        long freeBeyondEnd;

        Builder(Path input) {
            this.input = input;
        }

        DatabaseFacts build() {
            MetaPage cur = metas.stream().filter(m -> m.page() == current).findFirst().orElse(null);
            return new DatabaseFacts(input, files == null ? null : files.dataFile(),
                    files == null ? lockPathGuess() : files.lockFile(), files != null && files.noSubdir(),
                    dataSize, inode[0], inode[1], pageSize, metas, current, engine, layout, walkState, walkNote,
                    cur == null ? null : cur.freeDb(), cur == null ? null : cur.mainDb(),
                    Optional.ofNullable(freeList), dbis, counted,
                    lock == null ? LockInfo.absent(null) : lock, problems);
        }

        private Path lockPathGuess() {
            return java.nio.file.Files.isDirectory(input) ? input.resolve(DatabaseFiles.LOCK_NAME) : null;
        }

        void run() {
            try {
                files = DatabaseFiles.locate(input);
            } catch (DatabaseFormatException e) {
                problems.add(e.problem());
                walkNote = "the data file could not be located";
                Path lockGuess = lockPathGuess();
                lock = LockFileReader.read(lockGuess, problems);
                return;
            }
            try {
                readData();
            } catch (DatabaseFormatException e) {
                problems.add(e.problem());
                if (walkState == WalkState.NOT_AVAILABLE && walkNote == null) {
                    walkNote = e.getMessage();
                }
            } catch (IOException e) {
                problems.add(Problem.of(Problem.Kind.IO_ERROR, files.dataFile(), "cannot read: " + e.getMessage()));
                walkNote = "the data file could not be read";
            }
            lock = LockFileReader.read(files.lockFile(), problems);
            lockVersusData();
        }

        private void readData() throws IOException {
            Path data = files.dataFile();
            inode = DatabaseFiles.inodeAndDevice(data);
            pf = new PageFile(data);
            dataSize = pf.size;
            if (dataSize == 0) {
                walkNote = "data.mdb is empty";
                throw new DatabaseFormatException(Problem.Kind.EMPTY_DATA_FILE, data,
                        "zero-length data file: the library would start a new, empty database here"
                                + " (whatever was stored is gone)");
            }
            if (dataSize < MetaPage.META_END) {
                walkNote = "data.mdb is shorter than one meta page";
                throw new DatabaseFormatException(Problem.Kind.TRUNCATED, data, "truncated: page 0 lies beyond"
                        + " the end of the file (size " + dataSize + ")");
            }
            pageSize = pageSize(pf, problems);
            pf.pageSize = pageSize;
            if (pageSize == 0) {
                // only meta 0 can be located; show what it says
                metas = readMetas(pf, problems);
                walkNote = "the page size is unknown";
                return;
            }
            if (dataSize < 2L * pageSize) {
                problems.add(Problem.of(Problem.Kind.TRUNCATED, data, "truncated: page 1 lies beyond the end of"
                        + " the file (size " + dataSize + "): the library treats a file shorter than its two meta"
                        + " pages as a new environment or fails to open it"));
            }
            for (int attempt = 1; ; attempt++) {
                metas = readMetas(pf, problems);
                current = chooseCurrent(metas);
                MetaPage cur = current < 0 ? null : metas.get(current);
                if (cur == null) {
                    walkNote = "no valid meta page";
                    engine = metas.stream().anyMatch(m -> m.magicOk() && m.version() == 2)
                            ? EngineKind.DLMDB_FORMAT_2 : EngineKind.UNKNOWN;
                    return;
                }
                missingFrom = firstMissingPage(cur);
                if (cur.version() == 2) {
                    if (missingFrom >= 0) {
                        problems.add(truncation(cur, "")); // page level not read: cannot tell whether they are free
                    }
                    engine = EngineKind.DLMDB_FORMAT_2;
                    walkNote = "DLMDB format 2 (data version 2): page-level facts (named DBIs, free list, node layout)"
                            + " are not available: no format-2 fixture proves a walk right yet";
                    return;
                }
                pf.lastPage = cur.lastPage();
                List<Problem> walkProblems = new ArrayList<>();
                DatabaseFormatException failure = null;
                try {
                    walk(cur, walkProblems);
                } catch (DatabaseFormatException e) {
                    failure = e;
                }
                List<MetaPage> after = readMetas(pf, new ArrayList<>());
                int afterCur = chooseCurrent(after);
                long moved = afterCur < 0 ? 0 : after.get(afterCur).txnid() - cur.txnid();
                if (moved <= 1) {
                    problems.addAll(walkProblems);
                    if (missingFrom >= 0 && (failure != null || freeBeyondEnd < cur.lastPage() + 1 - missingFrom)) {
                        problems.add(truncation(cur, failure != null ? "" : ": " + (cur.lastPage() + 1 - missingFrom
                                - freeBeyondEnd) + " of the missing pages are not on the free list"));
                    }
                    if (failure != null) {
                        walkState = WalkState.FAILED;
                        walkNote = failure.getMessage();
                        problems.add(fileOf(failure.problem()));
                        dbis = List.of();
                        freeList = null;
                    } else {
                        walkState = WalkState.COMPLETE;
                    }
                    engine = decideEngine();
                    return;
                }
                if (attempt >= WALK_ATTEMPTS) {
                    walkState = WalkState.INCONSISTENT;
                    walkNote = "the transaction id kept moving while the trees were walked (" + WALK_ATTEMPTS
                            + " attempts): page-level facts are not consistent";
                    problems.add(Problem.of(Problem.Kind.WALK_INCONSISTENT, data, walkNote));
                    engine = decideEngine();
                    return;
                }
            }
        }

        private Problem fileOf(Problem p) {
            return p.file() != null ? p : Problem.of(p.kind(), files.dataFile(), p.message());
        }

        private static int pageSize(PageFile pf, List<Problem> problems) throws DatabaseFormatException {
            byte[] head = pf.read(0, MetaPage.META_END);
            long ps = Bytes.u32(head, MetaPage.OFF_FREE_DB);
            if (saneSize(ps)) {
                return (int) ps;
            }
            // meta 0's page-size word is damaged: find meta 1 at a common page size
            for (int c : CANDIDATE_PAGE_SIZES) {
                if (pf.size >= (long) c + MetaPage.META_END) {
                    byte[] m1 = pf.read(c, MetaPage.META_END);
                    if (Bytes.u32(m1, MetaPage.OFF_MAGIC) == MetaPage.MAGIC
                            && Bytes.u32(m1, MetaPage.OFF_FREE_DB) == c) {
                        problems.add(Problem.of(Problem.Kind.META_INSANE, pf.path, "meta page 0 records page size "
                                + ps + "; meta page 1 found at offset " + c + " (page size " + c + ")"));
                        return c;
                    }
                }
            }
            problems.add(Problem.of(Problem.Kind.META_INSANE, pf.path, "the page size word at offset 40 is " + ps
                    + " and no meta page 1 was found at a common page size: Datalevin/LMDB will refuse to open"
                    + " this database"));
            return 0;
        }

        private static boolean saneSize(long ps) {
            return ps >= 512 && ps <= 65536 && Long.bitCount(ps) == 1;
        }

        /** Reads both meta pages, each until two consecutive reads agree. */
        static List<MetaPage> readMetas(PageFile pf, List<Problem> problems) {
            List<MetaPage> out = new ArrayList<>();
            for (int page = 0; page < 2; page++) {
                long off = (long) page * pf.pageSize;
                if ((page == 1 && pf.pageSize == 0) || off + MetaPage.META_END > pf.size) {
                    continue;
                }
                byte[] a;
                boolean stable = false;
                try {
                    a = pf.read(off, MetaPage.META_END);
                    for (int i = 0; i < META_READ_ATTEMPTS && !stable; i++) {
                        byte[] b = pf.read(off, MetaPage.META_END);
                        stable = Arrays.equals(a, b);
                        a = b;
                    }
                } catch (DatabaseFormatException e) {
                    problems.add(e.problem());
                    continue;
                }
                List<String> defects = new ArrayList<>();
                MetaPage raw = MetaPage.parse(page, a, stable, List.of());
                String where = "meta page " + page;
                if (!raw.magicOk()) {
                    defects.add(String.format("bad magic 0x%08x", raw.magic()));
                    problems.add(Problem.of(Problem.Kind.META_BAD_MAGIC, pf.path, String.format(
                            "%s has bad magic 0x%08x (expected 0xbeefc0de): Datalevin/LMDB will refuse to open this"
                                    + " database (MDB_INVALID)", where, raw.magic())));
                } else if (!raw.versionKnown()) {
                    defects.add("unknown data version " + raw.version());
                    problems.add(Problem.of(Problem.Kind.META_UNKNOWN_VERSION, pf.path, where + " has data version "
                            + raw.version() + " (known: 1 = stock LMDB / DLMDB format 1, 2 = DLMDB format 2):"
                            + " Datalevin/LMDB will refuse to open this database (MDB_VERSION_MISMATCH)"));
                } else {
                    String insane = insanity(raw, pf.pageSize);
                    if (insane != null) {
                        defects.add(insane);
                        problems.add(Problem.of(Problem.Kind.META_INSANE, pf.path, where + ": " + insane));
                    }
                }
                if (!stable) {
                    defects.add("changed between reads");
                    problems.add(Problem.of(Problem.Kind.META_UNSTABLE, pf.path, where + " changed on every one of "
                            + META_READ_ATTEMPTS + " re-reads (a writer committing continuously?)"));
                }
                out.add(MetaPage.parse(page, a, stable, defects));
            }
            return out;
        }

        private static String insanity(MetaPage m, int pageSize) {
            if (m.pageSize() != pageSize) {
                return "page size " + m.pageSize() + " differs from the file's " + pageSize;
            }
            if (m.lastPage() < 1 || m.lastPage() < 0) {
                return "last page " + Long.toUnsignedString(m.lastPage()) + " is impossible";
            }
            for (DbRecord r : List.of(m.freeDb(), m.mainDb())) {
                if (!r.isEmpty() && (r.root() < 2 || Long.compareUnsigned(r.root(), m.lastPage()) > 0)) {
                    return "a root page " + Long.toUnsignedString(r.root()) + " is outside pages 2.." + m.lastPage();
                }
                if (r.depth() >= TreeWalker.MAX_DEPTH) {
                    return "a tree depth of " + r.depth();
                }
            }
            return null;
        }

        static int chooseCurrent(List<MetaPage> metas) {
            MetaPage best = null;
            for (MetaPage m : metas) {
                if (m.valid() && (best == null || Long.compareUnsigned(m.txnid(), best.txnid()) > 0)) {
                    best = m;
                }
            }
            return best == null ? -1 : best.page();
        }

        /**
         * The first page the file lacks although the meta counts it as used, or -1. A writer's last pages
         * can legitimately be missing: pages allocated and freed in the same transaction are put on the
         * free list without ever being written. Only missing pages that are not free are truncation.
         */
        private long firstMissingPage(MetaPage cur) {
            long needed = (cur.lastPage() + 1) * pageSize;
            if (needed > dataSize || needed < 0) {
                dataSize = pf.refreshSize(); // grown by a writer since we opened it?
            }
            return needed > dataSize || needed < 0 ? dataSize / pageSize : -1;
        }

        private Problem truncation(MetaPage cur, String detail) {
            return Problem.of(Problem.Kind.TRUNCATED, files.dataFile(), "truncated: page " + (dataSize / pageSize)
                    + " lies beyond the end of the file (size " + dataSize + "; meta page " + cur.page()
                    + " says pages 0.." + cur.lastPage() + " are in use" + detail + "): the library opens it and dies"
                    + " (SIGBUS) when it touches a missing page");
        }

        /** Walks MAIN_DBI (named DBIs, node layout) and FREE_DBI (free list) of one snapshot. */
        private void walk(MetaPage cur, List<Problem> out) throws DatabaseFormatException {
            counted = false;
            freeBeyondEnd = 0;
            // MAIN_DBI: collect its leaf nodes; the layout is decided from them afterwards
            TreeWalker probe = new TreeWalker(pf, false);
            List<int[]> nodes = new ArrayList<>();
            List<Page> nodePages = new ArrayList<>();
            TreeWalker.Stats ms = probe.walk("MAIN_DBI", cur.mainDb(), (leaf, i) -> {
                nodes.add(new int[] {leaf.nodeOffset(i, "MAIN_DBI"), i});
                nodePages.add(leaf);
                return true;
            }, false);
            counted |= ms.countedPagesSeen;
            String mm = ms.mismatch(cur.mainDb());
            if (mm != null) {
                out.add(Problem.of(Problem.Kind.STATS_MISMATCH, pf.path, "MAIN_DBI: " + mm));
            }
            layout = decideLayout(nodes, nodePages, cur, out);
            TreeWalker w = new TreeWalker(pf, layout == NodeLayout.EVEN_PADDED);
            List<NamedDbi> found = new ArrayList<>();
            for (int k = 0; k < nodes.size(); k++) {
                Page p = nodePages.get(k);
                int off = nodes.get(k)[0];
                int flags = TreeWalker.nodeFlags(p, off);
                if ((flags & Page.F_SUBDATA) == 0 || (flags & Page.F_DUPDATA) != 0) {
                    continue; // a plain key in MAIN_DBI, not a named DBI
                }
                w.leafNode(p, nodes.get(k)[1], "MAIN_DBI");
                int ks = TreeWalker.keySize(p, off);
                byte[] name = Arrays.copyOfRange(p.b, p.base + off + Page.NODE_HEADER,
                        p.base + off + Page.NODE_HEADER + ks);
                String label = new String(name, StandardCharsets.UTF_8);
                if (TreeWalker.dataSize(p, off) != DbRecord.SIZE) {
                    out.add(Problem.of(Problem.Kind.PAGE_CORRUPT, pf.path, "MAIN_DBI: the record of DBI " + label
                            + " is " + TreeWalker.dataSize(p, off) + " bytes, not 48"));
                    continue;
                }
                DbRecord rec = DbRecord.parse(p.b, p.base + w.dataOffset(p, off));
                String bad = recordInsanity(rec, cur);
                if (bad != null) {
                    out.add(Problem.of(Problem.Kind.PAGE_CORRUPT, pf.path, "MAIN_DBI: the record of DBI " + label
                            + " is not sane: " + bad));
                }
                found.add(new NamedDbi(label, name, rec));
            }
            dbis = List.copyOf(found);

            // FREE_DBI: key = txnid (u64), value = ID list (count u64, then page numbers)
            List<FreeList.Record> recs = new ArrayList<>();
            long[] total = {0};
            TreeWalker.Stats fs = w.walk("FREE_DBI", cur.freeDb(), (leaf, i) -> {
                int off = w.leafNode(leaf, i, "FREE_DBI");
                int ks = TreeWalker.keySize(leaf, off);
                if (ks != 8) {
                    throw leaf.bad("FREE_DBI: key of " + ks + " bytes, expected an 8-byte txnid");
                }
                long txnid = leaf.u64(off + Page.NODE_HEADER);
                int flags = TreeWalker.nodeFlags(leaf, off);
                long ds = TreeWalker.dataSize(leaf, off);
                int dataOff = w.dataOffset(leaf, off);
                long count;
                if ((flags & Page.F_BIGDATA) != 0) {
                    long pgno = leaf.u64(dataOff);
                    w.overflowRun("FREE_DBI", pgno, ds);
                    count = Bytes.u64(pf.read(pgno * pf.pageSize + Page.HEADER, 8), 0);
                } else {
                    if (ds < 8) {
                        throw leaf.bad("FREE_DBI: an ID list of " + ds + " bytes");
                    }
                    count = leaf.u64(dataOff);
                }
                if (count < 0 || count > (ds - 8) / 8 || Long.compareUnsigned(count, cur.lastPage()) > 0) {
                    throw leaf.bad("FREE_DBI: record of txn " + txnid + " claims " + Long.toUnsignedString(count)
                            + " pages in a " + ds + "-byte ID list");
                }
                if (missingFrom >= 0 && count > 0) {
                    byte[] ids = (flags & Page.F_BIGDATA) != 0
                            ? pf.read(leaf.u64(dataOff) * pf.pageSize + Page.HEADER + 8, (int) (count * 8))
                            : java.util.Arrays.copyOfRange(leaf.b, leaf.base + dataOff + 8,
                                    leaf.base + dataOff + 8 + (int) (count * 8));
                    for (int k = 0; k < count; k++) {
                        long id = Bytes.u64(ids, k * 8);
                        if (id >= missingFrom && id <= cur.lastPage()) {
                            freeBeyondEnd++;
                        }
                    }
                }
                recs.add(new FreeList.Record(txnid, count));
                total[0] += count;
                return true;
            }, false);
            counted |= fs.countedPagesSeen;
            String fm = fs.mismatch(cur.freeDb());
            if (fm != null) {
                out.add(Problem.of(Problem.Kind.STATS_MISMATCH, pf.path, "FREE_DBI: " + fm));
            }
            freeList = new FreeList(total[0], recs);
        }

        /**
         * Decides the node layout from MAIN_DBI nodes with odd-length keys (on-disk-format.md §2):
         * the right reading gives a sane DB record whose root page carries its own number.
         */
        private NodeLayout decideLayout(List<int[]> nodes, List<Page> pages, MetaPage cur, List<Problem> out) {
            int stockVotes = 0;
            int paddedVotes = 0;
            for (int k = 0; k < nodes.size(); k++) {
                Page p = pages.get(k);
                int off = nodes.get(k)[0];
                int ks = TreeWalker.keySize(p, off);
                int flags = TreeWalker.nodeFlags(p, off);
                if ((ks & 1) == 0 || (flags & Page.F_SUBDATA) == 0 || (flags & Page.F_DUPDATA) != 0) {
                    continue;
                }
                int stockOff = off + Page.NODE_HEADER + ks;
                boolean stock = stockOff + DbRecord.SIZE <= p.len
                        && plausibleRecord(DbRecord.parse(p.b, p.base + stockOff), cur);
                boolean padded = stockOff + 1 + DbRecord.SIZE <= p.len
                        && plausibleRecord(DbRecord.parse(p.b, p.base + stockOff + 1), cur);
                if (stock && !padded) {
                    stockVotes++;
                } else if (padded && !stock) {
                    paddedVotes++;
                }
            }
            if (stockVotes > 0 && paddedVotes > 0) {
                out.add(Problem.of(Problem.Kind.LAYOUT_UNDECIDABLE, pf.path, "MAIN_DBI: " + stockVotes
                        + " odd-length DBI names read right with the stock layout and " + paddedVotes
                        + " with DLMDB's even-padded layout"));
                return paddedVotes >= stockVotes ? NodeLayout.EVEN_PADDED : NodeLayout.STOCK;
            }
            return paddedVotes > 0 ? NodeLayout.EVEN_PADDED : stockVotes > 0 ? NodeLayout.STOCK : NodeLayout.UNDECIDED;
        }

        private boolean plausibleRecord(DbRecord r, MetaPage cur) {
            if (recordInsanity(r, cur) != null) {
                return false;
            }
            if (r.isEmpty()) {
                return true;
            }
            try {
                Page root = pf.page(r.root(), "probe");
                boolean leaf = root.isLeaf() && !root.isBranch();
                boolean branch = root.isBranch() && !root.isLeaf();
                return (leaf && r.depth() == 1) || (branch && r.depth() > 1);
            } catch (DatabaseFormatException e) {
                return false;
            }
        }

        private static String recordInsanity(DbRecord r, MetaPage cur) {
            if ((r.flags() & ~DbRecord.KNOWN_FLAGS) != 0) {
                return "flags 0x" + Integer.toHexString(r.flags());
            }
            if (r.depth() >= TreeWalker.MAX_DEPTH) {
                return "depth " + r.depth();
            }
            if (r.isEmpty()) {
                return r.depth() == 0 && r.entries() == 0 && r.totalPages() == 0 ? null
                        : "an empty tree with depth " + r.depth() + " and " + r.entries() + " entries";
            }
            if (r.root() < 2 || Long.compareUnsigned(r.root(), cur.lastPage()) > 0) {
                return "root page " + Long.toUnsignedString(r.root()) + " outside pages 2.." + cur.lastPage();
            }
            if (r.depth() == 0) {
                return "depth 0 with a root page";
            }
            for (long v : new long[] {r.branchPages(), r.leafPages(), r.overflowPages()}) {
                if (Long.compareUnsigned(v, cur.lastPage()) > 0) {
                    return "a page count of " + Long.toUnsignedString(v) + " beyond the " + cur.lastPage() + " used pages";
                }
            }
            return null;
        }

        private EngineKind decideEngine() {
            boolean dlmdb = layout == NodeLayout.EVEN_PADDED || counted
                    || dbis.stream().anyMatch(d -> d.record().dlmdbFlags());
            if (dlmdb) {
                return EngineKind.DLMDB_FORMAT_1;
            }
            return layout == NodeLayout.STOCK ? EngineKind.STOCK_LMDB : EngineKind.DATA_VERSION_1;
        }

        private void lockVersusData() {
            if (lock == null || !lock.present()) {
                return;
            }
            boolean dataDlmdb = engine == EngineKind.DLMDB_FORMAT_1 || engine == EngineKind.DLMDB_FORMAT_2;
            if (dataDlmdb && lock.layout() == LockInfo.Layout.STOCK_LMDB) {
                problems.add(Problem.of(Problem.Kind.LOCK_DATA_MISMATCH, lock.file(), "the lock file has stock"
                        + " LMDB's format word 0x00010001 but data.mdb was written by DLMDB: a stock LMDB tool"
                        + " (mdb_stat, lmdbjava) re-initialised it; Datalevin fails with MDB_VERSION_MISMATCH while"
                        + " anything holds it open in that format"));
            } else if (engine == EngineKind.STOCK_LMDB && lock.layout() == LockInfo.Layout.DLMDB) {
                problems.add(Problem.of(Problem.Kind.LOCK_DATA_MISMATCH, lock.file(), "the lock file has DLMDB's"
                        + " format word " + lock.formatHex() + " but data.mdb reads as stock LMDB: opened by a"
                        + " DLMDB/Datalevin process?"));
            }
        }
    }
}
