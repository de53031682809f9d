package dev.dlvaudit.checks.dl;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.datalevin.OptionsFile;
import dev.dlvaudit.datalevin.Provenance;
import dev.dlvaudit.datalevin.Sourced;
import java.util.List;

@CheckSpec(
        id = "dl.max-readers",
        title = "Options file :max-readers",
        severity = Severity.WARN,
        scope = Scope.DATABASE,
        rationale = "Every thread holding a read transaction takes a reader slot; when all are taken, new readers"
                + " fail with MDB_READERS_FULL. The first process to open the database sizes the slot table from"
                + " :max-readers, so the options file is where a deploy gets it right — before any database"
                + " exists. A live database's slots are db.max-readers' (lock file) and dl.options-drift's.",
        reads = "the options file's :max-readers (top level or :kv-opts; Datalevin 0.10's default 1024 when absent)",
        thresholds = "WARN below min-readers (512; the server profile's 1024); PASS otherwise; SKIP without an"
                + " options file.",
        fix = "Set {:kv-opts {:max-readers 1024}} in the options file.",
        sources = {"datalevin-facts.md §1", "checklist.md db.max-readers"})
public final class MaxReadersOptionCheck implements Check {
    static final long DEFAULT_MAX_READERS = 1024;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        DlView v = DlView.of(context);
        if (v.file().isEmpty()) {
            return List.of(Finding.skip("no options file given (--opts FILE.edn): a live database's reader slots"
                    + " are judged by db.max-readers"));
        }
        OptionsFile file = v.file().get();
        long min = context.settings().getLong("min-readers", 512);
        Sourced<Long> readers = file.maxReaders().orElse(new Sourced<>(DEFAULT_MAX_READERS, Provenance.DEFAULT,
                "no :max-readers in " + file.path() + ": Datalevin 0.10 uses 1024 (0.9.27: 256; 0.9.10: 126)"));
        String observed = ":max-readers " + readers.describe();
        String expected = "≥ " + min + " (min-readers" + context.settings().profile()
                .map(p -> ", " + p + " profile").orElse("") + ")";
        if (readers.value() < min) {
            return List.of(Finding.warn(":max-readers " + readers.value() + " is below " + min + ": busy readers can"
                            + " exhaust the slots (MDB_READERS_FULL)")
                    .observed(observed).expected(expected).evidence(file.path())
                    .fix("Set {:kv-opts {:max-readers " + Math.max(min, DEFAULT_MAX_READERS) + "}} in " + file.path()
                            + "; an existing database takes it when every process has closed it and the first"
                            + " opener resizes lock.mdb"));
        }
        return List.of(Finding.pass(":max-readers " + readers.value() + " is enough")
                .observed(observed).expected(expected).evidence(file.path()));
    }
}
