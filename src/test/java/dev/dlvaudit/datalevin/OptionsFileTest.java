package dev.dlvaudit.datalevin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsFileTest {

    @TempDir
    Path tmp;

    OptionsFile parse(String text) throws IOException {
        return OptionsFile.read(Files.writeString(tmp.resolve("opts.edn"), text));
    }

    OptionsFileException error(String text) {
        return assertThrows(OptionsFileException.class, () -> parse(text));
    }

    @Test
    void theExampleOfTheIssue() throws IOException {
        OptionsFile o = parse("{:wal? true :kv-opts {:mapsize 10000 :max-readers 1024 :flags #{:nordahead :notls}}}");
        assertEquals(true, o.wal().orElseThrow().value());
        assertEquals(10000L, o.mapsizeMiB().orElseThrow().value());
        assertEquals(1024L, o.maxReaders().orElseThrow().value());
        assertEquals(Set.of("nordahead", "notls"), o.flags().orElseThrow().value());
        assertEquals(Provenance.OPTIONS_FILE, o.flags().get().source());
        assertTrue(o.flags().get().evidence().endsWith("opts.edn :kv-opts :flags"), o.flags().get().evidence());
        assertTrue(o.wal().get().evidence().endsWith("opts.edn :wal?"));
    }

    @Test
    void topLevelKvOptionsUnknownKeysAndComments() throws IOException {
        OptionsFile o = parse(";; app options\n{:mapsize 2000, :flags #{:nosync}\n :cache-limit 100 :db-name \"x\" :wal? false}\n");
        assertEquals(2000L, o.mapsizeMiB().orElseThrow().value());
        assertEquals(Set.of("nosync"), o.flags().orElseThrow().value());
        assertEquals(false, o.wal().orElseThrow().value());
        assertTrue(o.maxReaders().isEmpty());
        assertTrue(parse("{}").flags().isEmpty());
    }

    @Test
    void kvOptsWinsOverTopLevel() throws IOException {
        OptionsFile o = parse("{:flags #{:nosync} :kv-opts {:flags #{:notls}}}");
        assertEquals(Set.of("notls"), o.flags().orElseThrow().value());
    }

    @Test
    void malformedEdnNamesFileLineAndColumn() {
        OptionsFileException e = error("{:wal? true\n :kv-opts {:mapsize 10\n");
        assertTrue(e.getMessage().startsWith(tmp.resolve("opts.edn") + ":"), e.getMessage());
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("expected"), e.getMessage());

        e = error("{:wal? true\n\n   :flags #{:a :b]}");
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());

        e = error("{:a 1 :b}");
        assertEquals(1, e.line(), e.getMessage());
    }

    @Test
    void notAMapOrMoreThanOneForm() {
        assertTrue(error("[:wal? true]").getMessage().contains("expected an EDN map"));
        assertTrue(error("").getMessage().contains("empty"));
        OptionsFileException e = error("{:wal? true}\n{:wal? false}");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("expected the end of the file"), e.getMessage());
    }

    @Test
    void typeErrorsNameTheKeyAndItsLine() {
        OptionsFileException e = error("{:wal? true\n :kv-opts {:mapsize \"10 GiB\"}}");
        assertEquals(2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(":kv-opts :mapsize: expected a whole number of MiB, found \"10 GiB\""),
                e.getMessage());
        assertTrue(error("{:wal? \"yes\"}").getMessage().contains(":wal?: expected true or false"));
        assertTrue(error("{:max-readers 99999999999}").getMessage().contains(":max-readers: expected a whole number"));
        assertTrue(error("{:flags [:nosync]}").getMessage().contains(":flags: expected a set of keywords"));
        assertTrue(error("{:flags #{\"nosync\"}}").getMessage().contains("expected a set of keywords"));
        assertTrue(error("{:kv-opts [1 2]}").getMessage().contains(":kv-opts: expected a map"));
    }

    @Test
    void hostileInput() {
        assertTrue(error("[".repeat(100_000)).getMessage().contains("opts.edn"));
        assertTrue(error("{:a \"unterminated}").getMessage().contains("opts.edn:1"));
    }
}
