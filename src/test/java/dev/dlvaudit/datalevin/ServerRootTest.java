package dev.dlvaudit.datalevin;

import dev.dlvaudit.db.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerRootTest {

    static String hex(String name) {
        return HexFormat.of().withUpperCase().formatHex(name.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aServerRootListsItsDatabasesByDecodedNameThenSystem(@TempDir Path root) throws Exception {
        Fixtures.copyTree(Fixtures.datalevin("kv-default").resolve("db"), root.resolve(hex("mydb")));
        Fixtures.copyTree(Fixtures.datalevin("dl-wal").resolve("db"), root.resolve(hex("ünïcode db")));
        Fixtures.copyTree(Fixtures.lmdb("dlmdb1-empty").resolve("db"), root.resolve("system"));
        Files.createDirectories(root.resolve("not-hex"));
        Files.createDirectories(root.resolve("ABCD")); // hex, but holds no database
        Files.createDirectories(root.resolve("FF").resolve("x")); // not UTF-8
        Files.copy(Fixtures.lmdb("dlmdb1-empty").resolve("db/data.mdb"), root.resolve("FF/data.mdb"));

        List<ServerRoot.Database> dbs = ServerRoot.databases(root).orElseThrow();
        assertEquals(List.of("mydb", "ünïcode db", "system"), dbs.stream().map(ServerRoot.Database::name).toList());
        assertEquals(root.resolve("6D796462"), dbs.get(0).directory());
        assertEquals(root.resolve("system"), dbs.get(2).directory());
    }

    @Test
    void aDatabaseDirectoryOrAPlainDirectoryIsNotAServerRoot(@TempDir Path tmp) throws Exception {
        assertEquals(Optional.empty(), ServerRoot.databases(Fixtures.datalevin("kv-default").resolve("db")));
        assertEquals(Optional.empty(), ServerRoot.databases(tmp));
        Files.createDirectories(tmp.resolve("system"));
        assertEquals(Optional.empty(), ServerRoot.databases(tmp)); // an empty system/ and nothing else
        assertEquals(Optional.empty(), ServerRoot.databases(tmp.resolve("missing")));
    }

    @Test
    void decode() {
        assertEquals(Optional.of("mydb"), ServerRoot.decode("6D796462"));
        assertEquals(Optional.empty(), ServerRoot.decode("6d796462")); // lower case is not Datalevin's
        assertEquals(Optional.empty(), ServerRoot.decode("ABC"));
        assertEquals(Optional.empty(), ServerRoot.decode("C3"));
        assertTrue(ServerRoot.decode("").isEmpty());
    }
}
