package dev.dlvaudit.report;

import dev.dlvaudit.engine.AuditRun;
import java.io.PrintWriter;

/** One view of a run. Writers format; they never recompute a verdict. */
public interface ReportWriter {
    void write(AuditRun run, PrintWriter out);
}
