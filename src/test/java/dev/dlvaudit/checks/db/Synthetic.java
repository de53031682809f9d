package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.FactProvider;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.LockInfo;
import dev.dlvaudit.db.MetaPage;
import dev.dlvaudit.db.ReaderSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/** Facts read from a real fixture, then edited to sit on a verdict boundary the fixtures lack. */
final class Synthetic {
    private Synthetic() {
    }

    /** The current meta with another map size and last page. */
    static DatabaseFacts withMap(DatabaseFacts f, long mapSize, long lastPage) {
        List<MetaPage> metas = new ArrayList<>();
        for (MetaPage m : f.metas()) {
            metas.add(m.page() != f.currentMeta() ? m : new MetaPage(m.page(), m.magic(), m.version(), m.address(),
                    mapSize, m.freeDb(), m.mainDb(), lastPage, m.txnid(), m.stable(), m.defects()));
        }
        return new DatabaseFacts(f.input(), f.dataFile(), f.lockFile(), f.noSubdir(), f.dataFileSize(),
                f.dataFileInode(), f.dataFileDevice(), f.pageSize(), metas, f.currentMeta(), f.engine(), f.layout(),
                f.walkState(), f.walkNote(), f.freeDbStat(), f.mainDbStat(), f.freeList(), f.dbis(),
                f.countedPages(), f.lock(), f.problems());
    }

    /** The lock file with {@code inUse} occupied slots (pid 1000+i, holding the current txnid). */
    static DatabaseFacts withSlots(DatabaseFacts f, int inUse) {
        LockInfo l = f.lock();
        List<ReaderSlot> slots = new ArrayList<>();
        for (int i = 0; i < inUse; i++) {
            slots.add(new ReaderSlot(i, 1000 + i, 0x7f00 + i, f.txnid().getAsLong()));
        }
        LockInfo lock = new LockInfo(l.file(), l.present(), l.size(), l.inode(), l.device(), l.magic(), l.format(),
                l.layout(), l.txnid(), OptionalLong.of(inUse), l.maxReaders(), slots, l.writerMutexLock(),
                l.writerMutexOwner(), l.writerMutexKind());
        return new DatabaseFacts(f.input(), f.dataFile(), f.lockFile(), f.noSubdir(), f.dataFileSize(),
                f.dataFileInode(), f.dataFileDevice(), f.pageSize(), f.metas(), f.currentMeta(), f.engine(), f.layout(),
                f.walkState(), f.walkNote(), f.freeDbStat(), f.mainDbStat(), f.freeList(), f.dbis(),
                f.countedPages(), lock, f.problems());
    }

    /** A provider of a fact computed by a function of the context. */
    static <T> FactProvider<T> provider(Class<T> type, Function<CheckContext, T> read) {
        return new FactProvider<>() {
            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public Scope scope() {
                return Scope.DATABASE;
            }

            @Override
            public T read(CheckContext context) {
                return read.apply(context);
            }
        };
    }

    static FactProvider<DatabaseFacts> facts(DatabaseFacts f) {
        return provider(DatabaseFacts.class, c -> f);
    }
}
