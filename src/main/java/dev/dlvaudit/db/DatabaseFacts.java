package dev.dlvaudit.db;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Everything the reader learnt about one environment, built once per target: paths, file sizes,
 * both meta pages and which is current, engine and node layout, the named DBIs, the free list, the
 * lock file, and the problems found. Damage is data: a damaged database still yields a value, with
 * {@link #problems()} saying what is wrong and the other fields holding whatever could be read.
 *
 * @param input          the path as given
 * @param dataFile       the data file ({@code data.mdb}, or the MDB_NOSUBDIR file); null when not located
 * @param lockFile       the lock file's path (it may not exist); null when not located
 * @param noSubdir       MDB_NOSUBDIR layout
 * @param dataFileSize   apparent size in bytes, -1 when unknown
 * @param dataFileInode  inode of the data file (for {@code /proc/PID/maps}), -1 when unknown
 * @param dataFileDevice {@code st_dev} of the data file, -1 when unknown
 * @param pageSize       the page size (u32 at offset 40), 0 when unknown
 * @param metas          the meta pages that could be read (page 0, page 1), valid or not
 * @param currentMeta    0 or 1, or -1 when neither meta is valid
 * @param engine         stock LMDB / DLMDB format 1 / 2, from data.mdb
 * @param layout         the leaf node layout
 * @param walkState      whether the page-level facts below were read
 * @param walkNote       why the page-level facts are not available, or null
 * @param freeDbStat     FREE_DBI record of the current meta (null when no current meta)
 * @param mainDbStat     MAIN_DBI record of the current meta (null when no current meta)
 * @param freeList       the free list, when walked
 * @param dbis           the named DBIs in key order (empty when not walked)
 * @param countedPages   a DLMDB counted branch page was seen
 * @param lock           what lock.mdb says
 * @param problems       everything wrong, each naming the file and the problem
 */
public record DatabaseFacts(Path input, Path dataFile, Path lockFile, boolean noSubdir,
                            long dataFileSize, long dataFileInode, long dataFileDevice, int pageSize,
                            List<MetaPage> metas, int currentMeta, EngineKind engine, NodeLayout layout,
                            WalkState walkState, String walkNote, DbRecord freeDbStat, DbRecord mainDbStat,
                            Optional<FreeList> freeList, List<NamedDbi> dbis, boolean countedPages,
                            LockInfo lock, List<Problem> problems) {

    public DatabaseFacts {
        metas = List.copyOf(metas);
        dbis = List.copyOf(dbis);
        problems = List.copyOf(problems);
    }

    /** The current meta page: the valid one with the larger txnid. */
    public Optional<MetaPage> current() {
        return metas.stream().filter(m -> m.page() == currentMeta).findFirst();
    }

    public Optional<NamedDbi> dbi(String name) {
        return dbis.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public boolean hasProblem(Problem.Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }

    /** Problems with the given consequence. */
    public List<Problem> problems(Problem.Consequence consequence) {
        return problems.stream().filter(p -> p.kind().consequence() == consequence).toList();
    }

    /** True when the library would refuse to open the database, crash on it, or start an empty one. */
    public boolean libraryWillFail() {
        return problems.stream().anyMatch(p -> switch (p.kind().consequence()) {
            case LIBRARY_REFUSES, NEW_EMPTY_DATABASE, LIBRARY_CRASHES -> true;
            default -> false;
        });
    }

    public OptionalLong mapSize() {
        return current().map(m -> OptionalLong.of(m.mapSize())).orElse(OptionalLong.empty());
    }

    public OptionalLong lastPage() {
        return current().map(m -> OptionalLong.of(m.lastPage())).orElse(OptionalLong.empty());
    }

    public OptionalLong txnid() {
        return current().map(m -> OptionalLong.of(m.txnid())).orElse(OptionalLong.empty());
    }

    /** {@code last_pg + 1}. */
    public OptionalLong pagesUsed() {
        return current().map(m -> OptionalLong.of(m.lastPage() + 1)).orElse(OptionalLong.empty());
    }

    /** {@code (last_pg + 1) * psize}. */
    public OptionalLong usedBytes() {
        return current().map(m -> OptionalLong.of((m.lastPage() + 1) * pageSize)).orElse(OptionalLong.empty());
    }

    /** {@code mapsize / psize}. */
    public OptionalLong maxPages() {
        return pageSize == 0 ? OptionalLong.empty()
                : current().map(m -> OptionalLong.of(m.mapSize() / pageSize)).orElse(OptionalLong.empty());
    }

    /** Used bytes / map size. */
    public OptionalDouble mapUsedRatio() {
        OptionalLong used = usedBytes();
        OptionalLong map = mapSize();
        return used.isPresent() && map.isPresent() && map.getAsLong() > 0
                ? OptionalDouble.of((double) used.getAsLong() / map.getAsLong()) : OptionalDouble.empty();
    }

    /** Pages a writer can still use without growing the map: {@code max pages - last_pg - 1 + free pages}. */
    public OptionalLong reusablePages() {
        OptionalLong max = maxPages();
        OptionalLong last = lastPage();
        if (max.isEmpty() || last.isEmpty() || freeList.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, max.getAsLong() - last.getAsLong() - 1) + freeList.get().freePages());
    }

    /** Free pages / used pages. */
    public OptionalDouble freeRatio() {
        OptionalLong used = pagesUsed();
        return used.isPresent() && freeList.isPresent() && used.getAsLong() > 0
                ? OptionalDouble.of((double) freeList.get().freePages() / used.getAsLong()) : OptionalDouble.empty();
    }
}
