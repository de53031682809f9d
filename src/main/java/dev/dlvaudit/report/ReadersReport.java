package dev.dlvaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dlvaudit.db.DatabaseFacts;
import dev.dlvaudit.db.LockInfo;
import dev.dlvaudit.db.Problem;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code dlv-audit readers}: the lock file's reader table with each slot's lag and process state. */
public final class ReadersReport {
    private final DatabaseFacts facts;
    private final List<StatsReport.ReaderRow> rows;

    public ReadersReport(DatabaseFacts facts, List<StatsReport.ReaderRow> rows) {
        this.facts = facts;
        this.rows = List.copyOf(rows);
    }

    public void writeText(PrintWriter out) {
        LockInfo lock = facts.lock();
        if (!lock.present()) {
            out.println("No lock file (" + lock.file() + "): nothing has the environment open.");
            out.flush();
            return;
        }
        out.println("Reader table of " + lock.file());
        out.println("  Layout: " + lock.layout().label() + " (format " + lock.formatHex() + ")");
        out.println("  Max readers: " + (lock.maxReaders().isPresent() ? lock.maxReaders().getAsLong() : "-"));
        out.println("  Readers high-water: " + (lock.numReaders().isPresent() ? lock.numReaders().getAsLong() : "-"));
        out.println("  Current txnid: " + (facts.txnid().isPresent() ? facts.txnid().getAsLong()
                : lock.txnid().isPresent() ? lock.txnid().getAsLong() + " (lock file)" : "-"));
        if (rows.isEmpty()) {
            out.println("(no reader slots in use)");
            out.flush();
            return;
        }
        String fmt = "%5s  %8s  %-16s  %10s  %8s  %-7s  %s%n";
        out.printf(fmt, "SLOT", "PID", "TID", "TXNID", "LAG", "STATE", "COMMAND");
        for (StatsReport.ReaderRow r : rows) {
            out.printf(fmt, r.slot().slot(), r.slot().pid(), r.slot().tidHex(),
                    r.slot().holdsTxn() ? Long.toString(r.slot().txnid()) : "-",
                    r.slot().holdsTxn() ? Long.toString(r.lag()) : "-", r.process().state().label(),
                    r.process().command().orElse("-"));
        }
        out.flush();
    }

    public void writeJson(PrintWriter out) {
        LockInfo lock = facts.lock();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", "dlv-audit/readers/1");
        m.put("lockFile", lock.file() == null ? null : lock.file().toString());
        m.put("present", lock.present());
        m.put("layout", lock.layout().name());
        m.put("maxReaders", lock.maxReaders().isPresent() ? lock.maxReaders().getAsLong() : null);
        m.put("numReaders", lock.numReaders().isPresent() ? lock.numReaders().getAsLong() : null);
        m.put("currentTxnid", facts.txnid().isPresent() ? facts.txnid().getAsLong() : null);
        List<Map<String, Object>> rs = new ArrayList<>();
        rows.forEach(r -> rs.add(StatsReport.readerMap(r)));
        m.put("readers", rs);
        List<String> ps = new ArrayList<>();
        facts.problems().stream().map(Problem::message).forEach(ps::add);
        m.put("problems", ps);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }
}
