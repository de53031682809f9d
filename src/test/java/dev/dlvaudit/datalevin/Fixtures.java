package dev.dlvaudit.datalevin;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The Datalevin fixtures copied under {@code src/test/resources/fixtures/datalevin}. */
final class Fixtures {
    static final String[] ALL = {"dl-wal", "dl-nosync", "kv-default", "dl-default-live-lock"};

    private Fixtures() {
    }

    static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/datalevin/dl-wal/GROUND_TRUTH.json").toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path fixture(String name) {
        return root().resolve(name);
    }

    static Path db(String name) {
        return fixture(name).resolve("db");
    }
}
