package dev.dlvaudit.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded mutation test over the fixtures' bytes (meta pages, branch/leaf/overflow pages, lock file):
 * every mutated input ends in facts or a {@link DatabaseFormatException} — no other exception, no
 * hang, no unbounded allocation (the test JVM's heap is the default; a run reads at most the file).
 */
class MutationFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 0xD1FA0D17L);
    static final int INPUTS_PER_FIXTURE = Integer.getInteger("fuzz.inputs", 60);
    static final List<String> FIXTURES = List.of("dlmdb1-datalevin-like", "dlmdb1-dups", "lmdb09-dups",
            "lmdb09-overflow", "dlmdb1-many-dbis", "lmdb09-freelist-heavy", "dlmdb1-live-readers");

    @Test
    void mutatedInputsEndInFactsOrAClearError(@TempDir Path tmp) throws Exception {
        Random rnd = new Random(SEED);
        int runs = 0;
        for (String name : FIXTURES) {
            Path src = Fixtures.lmdb(name).resolve("db");
            byte[] data = Files.readAllBytes(src.resolve("data.mdb"));
            byte[] lock = Files.readAllBytes(src.resolve("lock.mdb"));
            DatabaseFacts good = DatabaseReader.read(src);
            long lastPage = good.lastPage().getAsLong();
            for (int i = 0; i < INPUTS_PER_FIXTURE; i++) {
                byte[] d = data.clone();
                byte[] l = lock.clone();
                int mode = rnd.nextInt(5);
                int edits = 1 + rnd.nextInt(8);
                for (int e = 0; e < edits; e++) {
                    int off = switch (mode) {
                        case 0 -> rnd.nextInt(2) * 4096 + 16 + rnd.nextInt(136);        // meta fields
                        case 1 -> (int) (2 + rnd.nextInt((int) lastPage - 1)) * 4096 + rnd.nextInt(32); // page headers, ptrs
                        case 2 -> rnd.nextInt(d.length);                               // anywhere
                        case 3 -> -1;                                                   // lock file
                        default -> (int) (2 + rnd.nextInt((int) lastPage - 1)) * 4096 + rnd.nextInt(4096);
                    };
                    if (off < 0) {
                        l[rnd.nextInt(Math.min(l.length, 256))] = (byte) rnd.nextInt(256);
                    } else if (off < d.length) {
                        d[off] = rnd.nextBoolean() ? (byte) rnd.nextInt(256) : (byte) (d[off] ^ (1 << rnd.nextInt(8)));
                    }
                }
                Path dir = Files.createDirectories(tmp.resolve(name + "-" + i));
                Files.write(dir.resolve("data.mdb"), d);
                Files.write(dir.resolve("lock.mdb"), rnd.nextInt(10) == 0
                        ? java.util.Arrays.copyOf(l, rnd.nextInt(l.length)) : l);
                String label = name + " input " + i + " (mode " + mode + ")";
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> exercise(dir, label), label);
                runs++;
                deleteTree(dir);
            }
        }
        System.out.println("MutationFuzzTest: " + runs + " mutated inputs, seed " + SEED);
    }

    static void exercise(Path dir, String label) {
        try (DatabaseReader r = DatabaseReader.open(dir)) {
            DatabaseFacts f = r.facts();
            f.toString();
            if (f.walkState() == WalkState.COMPLETE) {
                for (NamedDbi d : f.dbis()) {
                    try {
                        r.entries(d.name(), 100_000);
                        r.verifyDbi(d.name());
                    } catch (DatabaseFormatException expected) {
                        // a clear error: fine
                    }
                }
            }
        } catch (DatabaseFormatException expected) {
            // fine
        } catch (Throwable t) {
            fail(label + ": " + t, t);
        }
    }

    static void deleteTree(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
