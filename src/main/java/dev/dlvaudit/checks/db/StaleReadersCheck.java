package dev.dlvaudit.checks.db;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.ReaderSlot;
import dev.dlvaudit.facts.ReaderProcesses;
import dev.dlvaudit.host.ReaderProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@CheckSpec(
        id = "db.stale-readers",
        title = "No reader slots of dead processes",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "A process that died inside a read transaction leaves its slot in lock.mdb. Until the library"
                + " clears it (the next first open, or a reader check by a live process), the slot takes a place"
                + " in the table and, while it names a transaction, pins every page freed since: the file grows.",
        reads = "lock.mdb reader table; /proc/PID, /proc/PID/maps (data.mdb's inode) and /proc/locks (lock.mdb's"
                + " inode) under the host root",
        thresholds = "WARN for each pid whose process is gone or is an unrelated process that reused the pid; PASS when none.",
        fix = "Restart the processes that use the database (Datalevin clears dead slots when it opens the"
                + " environment); never clear a Datalevin database's slots with stock LMDB tools.",
        sources = {"on-disk-format.md §6", "LMDB documentation: mdb_reader_check"})
public final class StaleReadersCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<Finding> guard = DbGuard.readerTableGuard(context);
        if (guard.isPresent()) {
            return List.of(guard.get());
        }
        DatabaseFacts f = context.fact(DatabaseFacts.class);
        ReaderProcesses procs = context.fact(ReaderProcesses.class);
        Map<Integer, List<ReaderSlot>> byPid = new LinkedHashMap<>();
        for (ReaderSlot s : f.lock().slots()) {
            byPid.computeIfAbsent(s.pid(), k -> new ArrayList<>()).add(s);
        }
        long current = f.txnid().getAsLong();
        List<Finding> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<Integer, List<ReaderSlot>> e : byPid.entrySet()) {
            ReaderProcess p = procs.of(e.getKey()).orElseThrow();
            if (p.state() == ReaderProcess.State.UNKNOWN) {
                unknown.add(e.getKey() + " (" + p.evidence() + ")");
                continue;
            }
            if (!p.state().stale()) {
                continue;
            }
            List<ReaderSlot> slots = e.getValue();
            long pinned = slots.stream().filter(ReaderSlot::holdsTxn).mapToLong(ReaderSlot::txnid).min().orElse(-1);
            String what = p.state() == ReaderProcess.State.STALE ? "process " + p.pid() + " is gone"
                    : "pid " + p.pid() + " now belongs to an unrelated process"
                    + p.command().map(c -> " (" + c + ")").orElse("");
            out.add(Finding.warn(what + " but holds " + slots.size() + " reader slot(s)"
                    + (pinned < 0 ? "" : pinned >= current ? " at the current txnid " + current
                    + ": once writers move on it pins the pages they free and the file grows"
                    : " pinning txnid " + pinned + " (" + (current - pinned) + " behind " + current
                    + "): pages freed since cannot be reused and the file grows"))
                    .subject("pid " + p.pid())
                    .observed("slots " + slots.stream().map(s -> s.slot() + " (tid " + s.tidHex() + ", txnid "
                            + (s.holdsTxn() ? Long.toString(s.txnid()) : "none") + ")").toList() + "; " + p.evidence())
                    .expected("every slot's process alive and using this database")
                    .evidence(f.lockFile() + ", " + p.evidence())
                    .fix("Restart the processes that use " + f.input() + ": Datalevin clears slots of dead processes"
                            + " when it opens the environment. For a Datalevin database NEVER clear slots with stock"
                            + " LMDB's mdb_stat -rr or lmdbjava: they rewrite lock.mdb in their own format and"
                            + " Datalevin then fails with MDB_VERSION_MISMATCH."));
        }
        if (!unknown.isEmpty()) {
            out.add(Finding.error("cannot tell whether these readers are alive: " + String.join("; ", unknown)
                    + " (run as the database's owner or root)").evidence(f.lockFile()));
        }
        if (out.isEmpty()) {
            return List.of(Finding.pass(byPid.isEmpty() ? "no reader slots in use"
                    : "all " + byPid.size() + " reader process(es) are alive and use this database")
                    .observed(byPid.size() + " pid(s) in " + f.lock().slots().size() + " slot(s)")
                    .expected("no slot of a dead process").evidence(f.lockFile() + ", /proc under " + context.hostRoot()));
        }
        return out;
    }
}
