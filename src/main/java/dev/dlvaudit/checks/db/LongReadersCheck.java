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
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "db.long-readers",
        title = "No long-lived read transactions",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "A read transaction sees the database as of its txnid, so no page freed after it can be"
                + " reused while it stays open: every write allocates new pages and the file grows. LMDB's own"
                + " caveat: keep read transactions short.",
        reads = "lock.mdb reader table (each slot's txnid), the current txnid of data.mdb's meta page,"
                + " /proc/PID/comm under the host root",
        thresholds = "WARN for each slot lagging the current txnid by more than max-lag transactions (default 1000).",
        fix = "Close long read transactions (with-transaction-kv / open iterators, d/db values held for long);"
                + " restart the process holding one.",
        sources = {"on-disk-format.md §6", "LMDB documentation: Caveats (long-lived transactions)"})
public final class LongReadersCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Optional<Finding> guard = DbGuard.readerTableGuard(context);
        if (guard.isPresent()) {
            return List.of(guard.get());
        }
        DatabaseFacts f = context.fact(DatabaseFacts.class);
        long maxLag = context.settings().getLong("max-lag", 1000);
        long current = f.txnid().getAsLong();
        ReaderProcesses procs = context.fact(ReaderProcesses.class);
        List<Finding> out = new ArrayList<>();
        long worst = 0;
        for (ReaderSlot s : f.lock().activeSlots()) {
            long lag = s.lag(current);
            worst = Math.max(worst, lag);
            if (lag <= maxLag) {
                continue;
            }
            Optional<ReaderProcess> p = procs.of(s.pid());
            String who = "pid " + s.pid() + p.flatMap(ReaderProcess::command).map(c -> " (" + c + ")").orElse("")
                    + p.map(x -> ", " + x.state().label()).orElse("");
            out.add(Finding.warn(who + " holds a read transaction at txnid " + s.txnid() + ", " + lag
                    + " transactions behind: pages freed since cannot be reused and the file grows")
                    .subject("pid " + s.pid() + " slot " + s.slot())
                    .observed("lag " + lag + " (slot " + s.slot() + ", tid " + s.tidHex() + ", txnid " + s.txnid()
                            + ", current " + current + ")")
                    .expected("lag <= " + maxLag + " transactions")
                    .evidence(f.lockFile() + (p.isPresent() ? ", " + p.get().evidence() : ""))
                    .fix("Find and close the long read transaction in pid " + s.pid() + " (an open iterator,"
                            + " with-transaction-kv, or a held read txn); restarting the process releases it."
                            + (p.isPresent() && p.get().state().stale()
                            ? " The process is gone: see db.stale-readers (restart the database's users; never"
                            + " clear slots with stock LMDB tools)." : "")));
        }
        if (out.isEmpty()) {
            return List.of(Finding.pass(f.lock().activeSlots().isEmpty() ? "no open read transactions"
                    : "no reader lags more than " + maxLag + " transactions (worst " + worst + ")")
                    .observed(f.lock().activeSlots().size() + " open read transaction(s), worst lag " + worst
                            + " at current txnid " + current)
                    .expected("lag <= " + maxLag + " transactions").evidence(f.lockFile()));
        }
        return out;
    }
}
