package dev.dlvaudit.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The fixture databases in the test resources (copied from ../shared/fixtures; see fixtures/README.md). */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static Path root() {
        URL u = Fixtures.class.getResource("/fixtures");
        if (u == null) {
            throw new IllegalStateException("no /fixtures on the test classpath");
        }
        try {
            return Path.of(u.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path lmdb(String name) {
        return root().resolve("lmdb").resolve(name);
    }

    public static Path datalevin(String name) {
        return root().resolve("datalevin").resolve(name);
    }

    public static List<String> lmdbNames() {
        return names(root().resolve("lmdb"));
    }

    public static List<String> datalevinNames() {
        return names(root().resolve("datalevin"));
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The env path of an lmdb fixture: {@code db} or, for MDB_NOSUBDIR, {@code db/x.db}. */
    public static Path lmdbEnv(String name) {
        JsonNode f = fixtureJson(name);
        return lmdb(name).resolve(f.path("layout").path("env_path").asText("db"));
    }

    public static JsonNode fixtureJson(String name) {
        return json(lmdb(name).resolve("FIXTURE.json"));
    }

    public static JsonNode json(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture directory to {@code target} keeping holes (cp --sparse=always semantics). */
    public static void copyTree(Path from, Path target) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = target.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
