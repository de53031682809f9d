package dev.dlvaudit.checks.proc;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.facts.SampleSettings;
import dev.dlvaudit.host.proc.DatabaseActivity;
import dev.dlvaudit.host.proc.WriterLockSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@CheckSpec(
        id = "proc.writer-lock",
        title = "Writers do not queue on the single write lock",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "LMDB allows one write transaction at a time, serialised by a mutex in lock.mdb. If"
                + " transact! is slow while the disk is idle, threads are queueing for that lock: batch writes,"
                + " shorten write transactions, or use async transactions.",
        reads = "the writer mutex at offset 64 of lock.mdb (glibc robust mutex: owner tid, waiters bit),"
                + " read every 10 ms during --sample SECONDS with plain reads; /proc/TID/status to find the owner's process",
        thresholds = "INFO how often the lock was held and by whom; WARN when writers queued in more than"
                + " max-waiting-ratio (0.5) of the samples. SKIP without --sample; 'not available' when the mutex"
                + " is not the proven glibc layout.",
        fix = "Batch small writes into fewer transactions (transact-async, with-transaction), keep work out of"
                + " write transactions, and funnel writes through one writer thread.",
        sources = {"on-disk-format.md §6 (writer mutex)", "glibc nptl: pthread_mutex_t __lock, __owner, __kind"})
public final class WriterLockCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        if (context.databaseDirectory().isEmpty()) {
            return List.of(Finding.skip("needs a live database directory (the target is an options file alone)"));
        }
        if (context.fact(SampleSettings.class).duration().isEmpty()) {
            return List.of(Finding.skip("needs --sample SECONDS: the write lock is sampled over an interval"));
        }
        DatabaseActivity a = context.fact(DatabaseActivity.class);
        WriterLockSample s = a.writerLock();
        if (s.unavailable().isPresent()) {
            return List.of(Finding.info(s.unavailable().get()).evidence(s.lockFile()));
        }
        double maxWaiting = context.settings().getDouble("max-waiting-ratio", 0.5);
        List<String> owners = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : s.ownerTids().entrySet()) {
            Integer pid = s.ownerPids().get(e.getKey());
            owners.add("tid " + e.getKey() + (pid == null ? " (process gone)" : " of pid " + pid) + " in "
                    + e.getValue() + " samples");
        }
        String observed = String.format(Locale.ROOT, "held in %d of %d samples (%s), writers waiting in %d (%s)%s",
                s.held(), s.samples(), Units.percent(s.heldRatio()), s.waiting(), Units.percent(s.waitingRatio()),
                owners.isEmpty() ? "" : "; " + String.join(", ", owners));
        String evidence = s.lockFile() + " offset 64, every 10 ms for " + String.format(Locale.ROOT, "%.1f s", a.seconds());
        String expected = "writers waiting in <= " + Units.percent(maxWaiting) + " of samples";
        if (s.waitingRatio() > maxWaiting) {
            return List.of(Finding.warn("writers queued for the write lock in " + Units.percent(s.waitingRatio())
                    + " of the samples: write throughput is limited by lock contention, not the disk")
                    .observed(observed).expected(expected).evidence(evidence)
                    .fix("Batch writes into fewer, shorter transactions (transact-async or with-transaction), keep"
                            + " computation out of write transactions, funnel writes through one writer thread"));
        }
        return List.of(Finding.info("the write lock was held in " + Units.percent(s.heldRatio()) + " of the samples"
                + (s.waiting() == 0 ? ", with no writer waiting" : ", writers waiting in " + Units.percent(s.waitingRatio())))
                .observed(observed).expected(expected).evidence(evidence));
    }
}
