package dev.dlvaudit.db;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Read access to the records of named DBIs: what the Datalevin layer needs from the reader. */
public interface DbiEntries {

    /** The names of the named DBIs in MAIN_DBI, in key order. */
    List<String> dbiNames() throws IOException;

    /**
     * Every key/value pair of the named DBI in key order (each duplicate of a DUPSORT DBI as one
     * pair), at most {@code maxEntries} of them; empty when there is no such DBI.
     */
    Optional<List<KeyValue>> entries(String dbi, int maxEntries) throws IOException;
}
