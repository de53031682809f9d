package dev.dlvaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.api.Settings;
import dev.dlvaudit.api.Severity;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyFileTest {
    static final Set<String> IDS = Set.of("os.swappiness", "os.thp", "db.free-list", "db.long-readers",
            "db.max-readers", "dl.wal", "ops.health-endpoint");

    static Policy parse(String text) {
        return PolicyFile.parse("policy.edn", text, IDS::contains);
    }

    static String error(String text) {
        return assertThrows(ConfigException.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsTheDocumentedShape() {
        Policy p = parse(String.join("\n",
                "{:profile  :server                      ; a named profile",
                " :expected-data-size \"40 GiB\"",
                " :backup-dir \"/var/backups/datalevin\"",
                " :health-url \"http://127.0.0.1:8080/health\"",
                " :checks   {\"os.swappiness\"  {:severity :warn}",
                "            \"db.free-list\"   {:warn-ratio 0.4}",
                "            \"db.long-readers\" {:max-lag 5000}",
                "            \"db.max-readers\" {:min-readers 2048}}",
                " :waivers  [{:check \"os.thp\" :reason \"vendor kernel, fixed in Q1\" :owner \"ops@example.com\"",
                "             :expires \"2027-03-31\"}]}"));
        assertEquals(Optional.of("server"), p.profile());
        assertEquals("policy.edn", p.source());
        assertEquals(Severity.WARN, p.severities().get("os.swappiness"));
        Settings freeList = p.settingsFor("db.free-list");
        assertEquals(0.4, freeList.getDouble("warn-ratio", 0.9));
        assertEquals(Optional.of(40L << 30), freeList.getBytes("expected-data-size"), "global keys reach every check");
        assertEquals(5000, p.settingsFor("db.long-readers").getLong("max-lag", 1000));
        assertEquals(2048, p.settingsFor("db.max-readers").getLong("min-readers", 512), "the file overrides its profile");
        assertEquals("warn", p.settingsFor("dl.wal").getString("when-off", "info"), "the profile's default");
        assertEquals("http://127.0.0.1:8080/health", p.settingsFor("ops.health-endpoint").getString("health-url", ""));
        Waiver w = p.waivers().get(0);
        assertEquals("os.thp", w.checkId());
        assertEquals(LocalDate.parse("2027-03-31"), w.expires());
        assertEquals("ops@example.com", w.owner());
        assertNull(w.target());
    }

    @Test
    void profilesDifferAsDeploymentsDo() {
        assertEquals(1024, parse("{:profile :server}").settingsFor("db.max-readers").getLong("min-readers", 0));
        assertEquals(126, parse("{:profile :embedded}").settingsFor("db.max-readers").getLong("min-readers", 0));
        assertEquals("info", parse("{:profile :embedded}").settingsFor("dl.wal").getString("when-off", ""));
        assertEquals(Optional.of("embedded"), parse("{:profile :embedded}").settingsFor("dl.wal").profile());
        assertTrue(error("{:profile :laptop}").startsWith("policy.edn:1: unknown profile :laptop; expected one of"
                + " :embedded :server"));
    }

    @Test
    void malformedEdnNamesTheLine() {
        assertEquals("policy.edn:3: unexpected end of file: expected '}' to close the map opened on line 2",
                error("{:checks\n {\"os.swappiness\" {:severity :warn}\n"));
        assertEquals("policy.edn:2: unexpected ']': expected '}' to close the map opened on line 1",
                error("{:profile :server\n ]"));
        assertTrue(error("{:backup-dir \"/var/backups\n\n").startsWith("policy.edn:"), "unterminated string");
        assertEquals("policy.edn:2: the key :profile has no value (a map needs key-value pairs)",
                error("{:backup-dir \"/b\"\n :profile}"));
        assertEquals("policy.edn:1: expected the end of the file after the value that starts on line 1, found more",
                error("{} {}"));
        assertEquals("policy.edn:1: unexpected end of file: expected a value", error(""));
    }

    @Test
    void unknownKeysAndCheckIdsNameTheirLine() {
        assertEquals("policy.edn:3: unknown key :helth-url; expected one of :backup-dir :checks :expected-data-size"
                + " :health-url :profile :waivers", error("{:profile :server\n\n :helth-url \"http://x\"}"));
        assertEquals("policy.edn:3: :checks: unknown check id \"os.swapiness\" (see 'dlv-audit list')",
                error("{:checks\n {\"os.thp\" {:severity :warn}\n  \"os.swapiness\" {:severity :warn}}}"));
        assertEquals("policy.edn:2: waiver :check: unknown check id \"os.nope\" (see 'dlv-audit list')",
                error("{:waivers [\n {:check \"os.nope\" :reason \"r\"}]}"));
        assertEquals("policy.edn:1: os.thp :severity: expected one of :info :warn :fail, got :fatal",
                error("{:checks {\"os.thp\" {:severity :fatal}}}"));
        assertTrue(error("{:checks {os.thp {:severity :warn}}}").contains("the symbol os.thp (a string needs double quotes)"));
        assertEquals("policy.edn:1: :health-url: expected an http:// or https:// URL with a host, got \"localhost:8080\"",
                error("{:health-url \"localhost:8080\"}"));
        assertTrue(error("{:expected-data-size \"lots\"}").contains(":expected-data-size: expected a size"));
    }

    @Test
    void waiversNeedAReasonAndAValidDate() {
        assertEquals("policy.edn:2: the waiver of os.thp has no :reason (a reason is required)",
                error("{:waivers [{:check \"os.thp\" :reason \"r\"}\n {:check \"os.thp\" :owner \"me\"}]}"));
        assertEquals("policy.edn:3: waiver :expires: expected a date \"yyyy-mm-dd\", got \"31/03/2027\"",
                error("{:waivers\n [{:check \"os.thp\" :reason \"r\"\n   :expires \"31/03/2027\"}]}"));
        assertEquals("policy.edn:1: unknown waiver key :until; expected :check :expires :owner :reason :target",
                error("{:waivers [{:check \"os.thp\" :reason \"r\" :until \"2027-01-01\"}]}"));
        Waiver w = PolicyFile.parseWaivers("w.edn", "[{:check \"os.thp\" :reason \"r\" :target \"/srv/db/../db\"}]",
                IDS::contains).get(0);
        assertEquals("/srv/db", w.target());
        assertTrue(assertThrows(ConfigException.class, () -> PolicyFile.parseWaivers("w.edn", "{:check \"os.thp\"}",
                IDS::contains)).getMessage().startsWith("w.edn:1: waivers: expected a vector"));
    }
}
