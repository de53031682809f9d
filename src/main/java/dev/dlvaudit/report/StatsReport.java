package dev.dlvaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.DbRecord;
import dev.dlvaudit.db.FreeList;
import dev.dlvaudit.db.LockInfo;
import dev.dlvaudit.db.MetaPage;
import dev.dlvaudit.db.NamedDbi;
import dev.dlvaudit.db.Problem;
import dev.dlvaudit.db.ReaderSlot;
import dev.dlvaudit.host.ReaderProcess;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code dlv-audit stats}: the sections and {@code   Key: value} lines of {@code mdb_stat -e -f -a}
 * (so the two can be diffed), then the numbers mdb_stat lacks; or the same as JSON.
 */
public final class StatsReport {

    /** One used reader slot with its lag and what the host says about its process. */
    public record ReaderRow(ReaderSlot slot, long lag, ReaderProcess process) {
    }

    private final DatabaseFacts facts;
    private final List<ReaderRow> readers;
    private final Optional<String> onlyDbi;

    public StatsReport(DatabaseFacts facts, List<ReaderRow> readers, Optional<String> onlyDbi) {
        this.facts = facts;
        this.readers = List.copyOf(readers);
        this.onlyDbi = onlyDbi;
    }

    /** The rows of a facts' reader table, each process checked under {@code hostRoot}. */
    public static List<ReaderRow> readerRows(DatabaseFacts facts, java.nio.file.Path hostRoot) {
        LockInfo lock = facts.lock();
        long current = facts.txnid().orElse(lock.txnid().orElse(0));
        List<ReaderRow> rows = new ArrayList<>();
        for (ReaderSlot s : lock.slots()) {
            rows.add(new ReaderRow(s, s.lag(current), ReaderProcess.check(hostRoot, s.pid(), facts.dataFileInode(),
                    facts.dataFileDevice(), lock.inode(), lock.device())));
        }
        return rows;
    }

    // ---- text ----

    public void writeText(PrintWriter out) {
        Optional<MetaPage> cur = facts.current();
        LockInfo lock = facts.lock();
        if (cur.isPresent()) {
            MetaPage m = cur.get();
            out.println("Environment Info");
            line(out, "Map address", m.address() == 0 ? "(nil)" : "0x" + Long.toHexString(m.address()));
            line(out, "Map size", m.mapSize());
            line(out, "Page size", facts.pageSize());
            line(out, "Max pages", facts.maxPages().getAsLong());
            line(out, "Number of pages used", facts.pagesUsed().getAsLong());
            line(out, "Last transaction ID", m.txnid());
            line(out, "Max readers", lock.maxReaders().isPresent() ? Long.toString(lock.maxReaders().getAsLong()) : "-");
            line(out, "Number of readers used", lock.numReaders().isPresent()
                    ? Long.toString(lock.numReaders().getAsLong()) : "-");
            out.println("Freelist Status");
            stat(out, facts.freeDbStat());
            line(out, "Free pages", facts.freeList().map(f -> Long.toString(f.freePages())).orElse("-"));
            out.println("Status of Main DB");
            stat(out, facts.mainDbStat());
            for (NamedDbi d : dbis()) {
                out.println("Status of " + d.name());
                stat(out, d.record());
            }
        }
        out.println("Derived (dlv-audit)");
        line(out, "Data file", facts.dataFile() == null ? "-" : facts.dataFile().toString());
        line(out, "Engine", facts.engine().label());
        line(out, "Node layout", facts.layout().label());
        line(out, "Page-level facts", facts.walkState().name().toLowerCase(Locale.ROOT)
                + (facts.walkNote() != null ? " (" + facts.walkNote() + ")" : ""));
        line(out, "Current meta page", facts.currentMeta() < 0 ? "none valid" : Integer.toString(facts.currentMeta()));
        line(out, "Data file size", facts.dataFileSize());
        line(out, "Map used", facts.mapUsedRatio().isPresent()
                ? String.format(Locale.ROOT, "%.1f %%", 100 * facts.mapUsedRatio().getAsDouble()) : "-");
        OptionalLong reusable = facts.reusablePages();
        line(out, "Reusable space", reusable.isPresent() ? reusable.getAsLong() * facts.pageSize() + " bytes ("
                + reusable.getAsLong() + " pages)" : "-");
        line(out, "Free pages / used", facts.freeRatio().isPresent()
                ? String.format(Locale.ROOT, "%.1f %%", 100 * facts.freeRatio().getAsDouble()) : "-");
        line(out, "Lock file", lock.present() ? lock.layout().label() + " layout, format " + lock.formatHex() : "absent");
        line(out, "Readers active", readers.stream().filter(r -> r.slot().holdsTxn()).count());
        line(out, "Readers high-water", lock.numReaders().isPresent() ? Long.toString(lock.numReaders().getAsLong()) : "-");
        line(out, "Readers max", lock.maxReaders().isPresent() ? Long.toString(lock.maxReaders().getAsLong()) : "-");
        line(out, "Oldest reader lag", oldestLag().map(l -> l + " transactions").orElse("-"));
        List<String> stale = stalePids();
        line(out, "Stale reader pids", stale.isEmpty() ? "none" : String.join(", ", stale));
        for (NamedDbi d : dbis()) {
            if (d.record().overflowPages() > 0) {
                line(out, "Overflow ratio of " + d.name(), String.format(Locale.ROOT, "%.1f %% (%d of %d pages)",
                        100 * d.overflowRatio(), d.record().overflowPages(), d.record().totalPages()));
            }
        }
        for (Problem p : facts.problems()) {
            line(out, "Problem", p.message());
        }
        out.flush();
    }

    private List<NamedDbi> dbis() {
        return onlyDbi.map(n -> facts.dbi(n).map(List::of).orElse(List.of())).orElse(facts.dbis());
    }

    private Optional<Long> oldestLag() {
        return readers.stream().filter(r -> r.slot().holdsTxn()).map(ReaderRow::lag).max(Long::compare);
    }

    private List<String> stalePids() {
        return readers.stream().filter(r -> r.process().state().stale())
                .map(r -> r.slot().pid() + " (" + r.process().state().label() + ")").toList();
    }

    private static void stat(PrintWriter out, DbRecord r) {
        line(out, "Tree depth", r.depth());
        line(out, "Branch pages", r.branchPages());
        line(out, "Leaf pages", r.leafPages());
        line(out, "Overflow pages", r.overflowPages());
        line(out, "Entries", r.entries());
    }

    private static void line(PrintWriter out, String key, Object value) {
        out.println("  " + key + ": " + value);
    }

    // ---- JSON ----

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", "dlv-audit/stats/1");
        m.put("path", facts.input().toString());
        m.put("dataFile", facts.dataFile() == null ? null : facts.dataFile().toString());
        m.put("lockFile", facts.lockFile() == null ? null : facts.lockFile().toString());
        m.put("noSubdir", facts.noSubdir());
        m.put("engine", facts.engine().name());
        m.put("nodeLayout", facts.layout().name());
        m.put("pageLevel", facts.walkState().name());
        m.put("pageLevelNote", facts.walkNote());
        Map<String, Object> env = new LinkedHashMap<>();
        facts.current().ifPresent(cur -> {
            env.put("mapAddress", cur.address());
            env.put("mapSize", cur.mapSize());
            env.put("pageSize", facts.pageSize());
            env.put("maxPages", facts.maxPages().getAsLong());
            env.put("pagesUsed", facts.pagesUsed().getAsLong());
            env.put("lastPage", cur.lastPage());
            env.put("lastTxnid", cur.txnid());
            env.put("dataVersion", cur.version());
            env.put("envFlags", "0x" + Integer.toHexString(cur.envFlags()));
            env.put("currentMeta", cur.page());
        });
        env.put("dataFileSize", facts.dataFileSize());
        m.put("environment", env);
        List<Map<String, Object>> metas = new ArrayList<>();
        for (MetaPage mp : facts.metas()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("page", mp.page());
            x.put("valid", mp.valid());
            x.put("defects", mp.defects());
            x.put("magic", String.format("0x%08x", mp.magic()));
            x.put("version", mp.version());
            x.put("mapSize", mp.mapSize());
            x.put("lastPage", mp.lastPage());
            x.put("txnid", mp.txnid());
            metas.add(x);
        }
        m.put("metas", metas);
        if (facts.freeDbStat() != null) {
            Map<String, Object> fl = record(facts.freeDbStat());
            fl.put("freePages", facts.freeList().map(FreeList::freePages).orElse(null));
            fl.put("records", facts.freeList().map(FreeList::recordCount).orElse(null));
            m.put("freelist", fl);
            m.put("main", record(facts.mainDbStat()));
        }
        List<Map<String, Object>> dl = new ArrayList<>();
        for (NamedDbi d : dbis()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", d.name());
            x.put("flags", d.record().flagsHex());
            x.putAll(record(d.record()));
            x.put("overflowRatio", d.overflowRatio());
            dl.add(x);
        }
        m.put("dbis", dl);
        LockInfo lock = facts.lock();
        Map<String, Object> lk = new LinkedHashMap<>();
        lk.put("present", lock.present());
        lk.put("layout", lock.layout().name());
        lk.put("format", lock.format().isPresent() ? lock.formatHex() : null);
        lk.put("size", lock.present() ? lock.size() : null);
        lk.put("txnid", opt(lock.txnid()));
        lk.put("maxReaders", opt(lock.maxReaders()));
        lk.put("numReaders", opt(lock.numReaders()));
        m.put("lock", lk);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (ReaderRow r : readers) {
            rs.add(readerMap(r));
        }
        m.put("readers", rs);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mapUsedRatio", facts.mapUsedRatio().isPresent() ? facts.mapUsedRatio().getAsDouble() : null);
        d.put("reusablePages", opt(facts.reusablePages()));
        d.put("reusableBytes", facts.reusablePages().isPresent() ? facts.reusablePages().getAsLong() * facts.pageSize() : null);
        d.put("freeRatio", facts.freeRatio().isPresent() ? facts.freeRatio().getAsDouble() : null);
        d.put("readersActive", readers.stream().filter(r -> r.slot().holdsTxn()).count());
        d.put("readersHighWater", opt(lock.numReaders()));
        d.put("readersMax", opt(lock.maxReaders()));
        d.put("oldestReaderLag", oldestLag().orElse(null));
        d.put("stalePids", readers.stream().filter(r -> r.process().state().stale()).map(r -> r.slot().pid()).toList());
        m.put("derived", d);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Problem p : facts.problems()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("kind", p.kind().name());
            x.put("consequence", p.kind().consequence().name());
            x.put("file", p.file() == null ? null : p.file().toString());
            x.put("message", p.message());
            ps.add(x);
        }
        m.put("problems", ps);
        return m;
    }

    public static Map<String, Object> readerMap(ReaderRow r) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("slot", r.slot().slot());
        x.put("pid", r.slot().pid());
        x.put("tid", r.slot().tidHex());
        x.put("txnid", r.slot().holdsTxn() ? r.slot().txnid() : null);
        x.put("lag", r.slot().holdsTxn() ? r.lag() : null);
        x.put("state", r.process().state().label());
        x.put("command", r.process().command().orElse(null));
        x.put("evidence", r.process().evidence());
        return x;
    }

    public void writeJson(PrintWriter out) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toMap()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private static Map<String, Object> record(DbRecord r) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("depth", r.depth());
        x.put("branchPages", r.branchPages());
        x.put("leafPages", r.leafPages());
        x.put("overflowPages", r.overflowPages());
        x.put("entries", r.entries());
        return x;
    }

    private static Long opt(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
