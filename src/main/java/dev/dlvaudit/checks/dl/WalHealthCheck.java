package dev.dlvaudit.checks.dl;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Units;
import dev.dlvaudit.datalevin.TxlogMeta;
import dev.dlvaudit.datalevin.WalFiles;
import dev.dlvaudit.facts.DatalevinFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@CheckSpec(
        id = "dl.wal-health",
        title = "Datalevin WAL health (txlog/meta)",
        severity = Severity.FAIL,
        scope = Scope.DATABASE,
        rationale = "txlog/meta records how far the WAL is committed, durable and applied to LMDB. Committed"
                + " but not durable LSNs are at risk on power loss; a meta file with no valid slot means"
                + " Datalevin cannot know where to recover from. The file is flushed lazily, so small lags are"
                + " normal.",
        reads = "txlog/meta (both 68-byte slots, CRC32C), txlog/segment-*.wal, datalevin/opts :wal-retention-bytes",
        thresholds = "WARN when committed − durable > max-wal-lag-lsn (1024, Datalevin's own alert threshold),"
                + " when the last update is older than max-wal-meta-age-minutes (unset: idle databases do not"
                + " update it), or when segments exceed the retention (:wal-retention-bytes, 8 GiB) by more than"
                + " a segment; FAIL when no slot is valid; ERROR when the file is cut short.",
        fix = "Restore txlog/ from a consistent copy or a snapshot; investigate the disk and fsync errors.",
        sources = {"datalevin-facts.md §5"})
public final class WalHealthCheck implements Check {
    static final long DEFAULT_RETENTION = 8L << 30;
    static final long SEGMENT_MAX = 256L << 20;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        if (context.databaseDirectory().isEmpty()) {
            return List.of(Finding.skip("needs a live database directory; the target is an options file alone"));
        }
        DatalevinFacts d = context.fact(DatalevinFacts.class);
        if (!d.store().datalevin()) {
            return List.of(Finding.skip(d.storeReason()));
        }
        if (d.wal().isEmpty()) {
            return List.of(Finding.skip("WAL is off: " + d.txlogDir() + " does not exist"));
        }
        WalFiles files = d.wal().get();
        if (d.txlogMeta().isEmpty()) {
            return List.of(Finding.warn("the WAL directory has no meta file: Datalevin has not recorded its WAL"
                    + " position yet, or it was lost")
                    .observed(d.txlogDir() + " without meta (" + files.segments().size() + " segments)")
                    .expected("txlog/meta with a valid slot").evidence(d.txlogDir())
                    .fix("Open the database with Datalevin (it rewrites txlog/meta); if segments are present but"
                            + " meta is gone, restore txlog/ from a consistent copy"));
        }
        TxlogMeta meta = d.txlogMeta().get();
        String evidence = meta.path().toString();
        if (meta.state() == TxlogMeta.State.CUT_SHORT) {
            return List.of(Finding.error(meta.path() + " is cut short: " + meta.fileSize() + " bytes, expected 68 or 136")
                    .observed(meta.fileSize() + " bytes").expected("68 (one slot) or 136 (two slots) bytes")
                    .evidence(evidence)
                    .fix("Stop the application, restore the database directory (txlog/ included) from a"
                            + " consistent copy or snapshot, and check the disk"));
        }
        if (meta.state() == TxlogMeta.State.NO_VALID_SLOT) {
            return List.of(Finding.fail("txlog/meta has no valid slot: " + String.join("; ", meta.problems()))
                    .observed(String.join("; ", meta.problems())).expected("at least one slot with magic DLTM,"
                            + " major 1 and a valid CRC32C").evidence(evidence)
                    .fix("Stop the application, restore the database directory (txlog/ included) from a"
                            + " consistent copy or snapshots/current, and check the disk"));
        }
        TxlogMeta.Slot s = meta.current().orElseThrow();
        Instant updated = Instant.ofEpochMilli(s.updatedMs());
        Duration age = Duration.between(updated, context.clock().instant());
        String observed = String.format("slot %d revision %d: committed LSN %d, durable %d, applied %d"
                        + " (durable lag %d, applied lag %d); updated %s (%s ago); %d segment(s), %s",
                s.index(), s.revision(), s.lastCommittedLsn(), s.lastDurableLsn(), s.lastAppliedLsn(),
                s.durableLag(), s.appliedLag(), updated, age.isNegative() ? "in the future" : human(age),
                files.segments().size(), Units.bytes(files.segmentBytes()))
                + (files.preallocated().isEmpty() ? "" : " (+" + files.preallocated().size()
                + " preallocated .wal.tmp, " + Units.bytes(files.preallocatedBytes()) + ")");
        long maxLag = context.settings().getLong("max-wal-lag-lsn", 1024);
        long maxAgeMinutes = context.settings().getLong("max-wal-meta-age-minutes", -1);
        long retention = retention(context);
        List<Finding> out = new ArrayList<>();
        if (s.durableLag() > maxLag) {
            out.add(Finding.warn(s.durableLag() + " committed LSNs are not durable yet: they are at risk on power loss")
                    .fix("Check :wal-sync-mode and :wal-durability-profile (e.g. {:wal-durability-profile :strict}),"
                            + " and the disk's fsync latency"));
        }
        if (maxAgeMinutes >= 0 && age.toMinutes() > maxAgeMinutes) {
            out.add(Finding.warn("txlog/meta was last updated " + human(age) + " ago, beyond the policy's "
                    + maxAgeMinutes + " minutes")
                    .fix("Check that the application is running and committing; an idle database does not update"
                            + " txlog/meta (raise max-wal-meta-age-minutes for it)"));
        }
        if (files.segmentBytes() > retention + SEGMENT_MAX) {
            out.add(Finding.warn("WAL segments take " + Units.bytes(files.segmentBytes()) + ", beyond the retention of "
                    + Units.bytes(retention) + ": old segments are not being removed (a snapshot or replica may pin them)")
                    .fix("Check :wal-retention-bytes / :wal-retention-ms and that snapshots are taken"
                            + " ((d/create-snapshot! conn)) so old segments can be released"));
        }
        if (out.isEmpty()) {
            out.add(Finding.pass("txlog/meta is valid and the WAL is within limits"));
        }
        String expected = "a valid slot; committed − durable ≤ " + maxLag + " LSNs"
                + (maxAgeMinutes >= 0 ? "; updated within " + maxAgeMinutes + " min" : "")
                + "; segments ≤ retention " + Units.bytes(retention);
        out.forEach(f -> f.observed(observed).expected(expected).evidence(evidence));
        if (!meta.problems().isEmpty()) {
            out.add(Finding.info("the other txlog/meta slot is not valid (normal right after a crash mid-write):"
                    + " " + String.join("; ", meta.problems())).evidence(evidence));
        }
        return out;
    }

    private static long retention(CheckContext context) {
        try {
            Optional<Object> v = context.fact(dev.dlvaudit.facts.StoredOptionsFacts.class).stored()
                    .flatMap(s -> s.opt("wal-retention-bytes")).map(x -> x.value());
            if (v.isPresent() && v.get() instanceof Long) {
                return (Long) v.get();
            }
        } catch (RuntimeException e) {
            // stored options unreadable: Datalevin's default applies
        }
        return DEFAULT_RETENTION;
    }

    static String human(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min";
        }
        if (s < 172800) {
            return (s / 3600) + " h";
        }
        return (s / 86400) + " days";
    }
}
