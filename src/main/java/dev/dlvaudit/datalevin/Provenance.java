package dev.dlvaudit.datalevin;

/** Where a Datalevin fact came from; every finding that shows one names it. */
public enum Provenance {
    /** {@code lock.mdb} / the meta pages of {@code data.mdb}: what the environment is now. */
    LIVE("live lock/meta"),
    /** The {@code datalevin/opts} DBI: options Datalevin recorded, rewritten when they change. */
    STORED_OPTS("stored opts (datalevin/opts)"),
    /** The {@code datalevin/kv-info} DBI: a hint, possibly stale. */
    KV_INFO_HINT("kv-info hint (datalevin/kv-info, not rewritten since Datalevin 0.10.7: may be stale)"),
    /** The database directory's files: {@code VERSION}, {@code txlog/}, {@code snapshots/}. */
    DIRECTORY("database directory"),
    /** The EDN options file given with {@code --opts}. */
    OPTIONS_FILE("options file"),
    /** Datalevin's default, nothing recorded or given. */
    DEFAULT("Datalevin default");

    private final String label;

    Provenance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
