package dev.dlvaudit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Cases no Datalevin fixture holds, made by patching a copy's bytes (never a fixture in place). */
public final class PatchedFixtures {
    private PatchedFixtures() {
    }

    /**
     * Turns the stored {@code wal?} option of a Datalevin 0.10.7 {@code data.mdb} copy from true to false:
     * the record is the key {@code wal?}, one pad byte (DLMDB's even padding), then nippy {@code 08}
     * (true), which becomes {@code 09} (false). Fails unless the record occurs exactly once.
     */
    public static void storeWalFalse(Path dataMdb) throws IOException {
        byte[] b = Files.readAllBytes(dataMdb);
        byte[] pattern = {'w', 'a', 'l', '?', 0, 8};
        int at = -1;
        for (int i = 0; i + pattern.length <= b.length; i++) {
            if (Arrays.equals(b, i, i + pattern.length, pattern, 0, pattern.length)) {
                if (at >= 0) {
                    throw new IllegalStateException(dataMdb + ": the stored wal? record occurs more than once");
                }
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalStateException(dataMdb + ": no stored wal? true record");
        }
        b[at + 5] = 9;
        Files.write(dataMdb, b);
    }
}
