package dev.dlvaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dlvaudit.testing.Cli;
import dev.dlvaudit.testing.FakeHost;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy, waivers, --output, --baseline and --cron through the packaged jar. */
class ReportsIT {
    @TempDir
    Path root;
    @TempDir
    Path work;
    FakeHost host;
    Map<String, String> env = new HashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(root).goodKernel().sysctl("vm.swappiness", "60")
                .file("/proc/sys/kernel/hostname", "fakehost\n");
        Files.createDirectories(work.resolve("config"));
        Files.createDirectories(work.resolve("run"));
        env.put("DLV_AUDIT_CONFIG_DIR", work.resolve("config").toString());
        env.put("XDG_RUNTIME_DIR", work.resolve("run").toString());
    }

    Cli.Run check(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "check";
        all[1] = "--host-root";
        all[2] = root.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Cli.run(env, all);
    }

    static void assertSchemaValid(JsonNode report) throws Exception {
        JsonSchema schema;
        try (InputStream in = ReportsIT.class.getResourceAsStream("/dev/dlvaudit/report/report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(report);
        assertTrue(errors.isEmpty(), errors + "\n" + report.toPrettyString());
    }

    static JsonNode result(JsonNode report, String id) {
        for (JsonNode r : report.get("results")) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no result " + id + " in " + report);
    }

    static String tool(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }

    @Test
    void oneRunWritesEveryFormatWithTheDefaultPolicysWaiver() throws Exception {
        Files.writeString(work.resolve("config/policy.edn"), "{:waivers [{:check \"os.swappiness\""
                + " :reason \"database host without swap pressure\" :owner \"ops@example.com\" :expires \"2999-12-31\"}]}");
        Cli.Run run = check("--only", "os", "--output", "json=" + work.resolve("r.json"), "--output",
                "junit=" + work.resolve("r.xml"), "--output", "prometheus=" + work.resolve("r.prom"),
                "--output", "html=" + work.resolve("r.html"), "--output", "markdown=" + work.resolve("r.md"));
        assertEquals(0, run.exitCode(), "the FAIL is waived: " + run);
        assertTrue(run.out().contains("WAIVED") && run.out().contains("until 2999-12-31"), run.out());
        JsonNode report = new ObjectMapper().readTree(work.resolve("r.json").toFile());
        assertSchemaValid(report);
        JsonNode swappiness = result(report, "os.swappiness");
        assertEquals("WAIVED", swappiness.get("status").asText());
        assertEquals("FAIL", swappiness.get("waiver").get("waived_status").asText());
        assertEquals("2999-12-31", swappiness.get("waiver").get("expires").asText());
        Path xsd = Path.of(getClass().getResource("/junit.xsd").toURI());
        tool("xmllint", "--noout", "--schema", xsd.toString(), work.resolve("r.xml").toString());
        String prom = Files.readString(work.resolve("r.prom"));
        Process promtool = new ProcessBuilder("promtool", "check", "metrics")
                .redirectInput(work.resolve("r.prom").toFile()).redirectErrorStream(true).start();
        String lint = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, promtool.waitFor(), lint + prom);
        assertTrue(prom.contains("check=\"os.swappiness\",target=\"host\",subject=\"\",severity=\"fail\"} -3"), prom);
        for (String f : new String[] {"r.json", "r.xml", "r.prom", "r.html", "r.md"}) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve(f))), f);
            assertTrue(Files.readString(work.resolve(f)).contains("database host without swap pressure")
                    || f.equals("r.prom"), f + " does not show the waiver's reason");
        }
    }

    @Test
    void baselineMarksWhatWasFixed() throws Exception {
        Path previous = work.resolve("previous.json");
        assertEquals(1, check("--only", "os", "--output", "json=" + previous).exitCode());
        host.sysctl("vm.swappiness", "1");
        Cli.Run run = check("--only", "os", "--format", "json", "--baseline", previous.toString());
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertSchemaValid(report);
        assertEquals("fixed", result(report, "os.swappiness").get("baseline").asText());
        assertEquals("os.swappiness", report.get("baseline").get("fixed").get(0).get("id").asText());
        assertEquals("FAIL", report.get("baseline").get("fixed").get(0).get("was").asText());
        Cli.Run text = check("--only", "os", "--baseline", previous.toString());
        assertTrue(text.out().contains("(fixed) vm.swappiness is 1"), text.out());
    }

    @Test
    void aMalformedBaselineStopsTheRun() throws Exception {
        Path bad = work.resolve("bad.json");
        Files.writeString(bad, "{\"results\": [{\"id\": \"os.swappiness\"}]}");
        Cli.Run run = check("--baseline", bad.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(bad.toString()) && run.err().contains("no \"target\""), run.err());
        Files.writeString(bad, "{\"results\": [");
        assertEquals(2, check("--baseline", bad.toString()).exitCode());
    }

    @Test
    void aMalformedPolicyStopsTheRunNamingFileAndLine() throws Exception {
        Path policy = work.resolve("policy.edn");
        Files.writeString(policy, "{:profile :server\n :checks {\"os.swappiness\" {:severity :warn}\n");
        Cli.Run run = check("--policy", policy.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(policy + ":3: unexpected end of file: expected '}' to close the map opened"
                + " on line 2"), run.err());
        assertTrue(run.out().isEmpty(), "audited despite the error: " + run.out());
        assertFalse(run.err().contains("\tat "), run.err());

        Files.writeString(policy, "{:profile :server\n :checks {\"os.swapiness\" {:severity :warn}}}");
        run = check("--policy", policy.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(policy + ":2: :checks: unknown check id \"os.swapiness\""), run.err());

        Files.writeString(policy, "{:checks {\"os.swappiness\" {:severity :warn}}}");
        run = check("--policy", policy.toString(), "--only", "os");
        assertEquals(0, run.exitCode(), "severity lowered to warn: " + run);
        assertTrue(run.out().contains("WARN") && run.out().contains("os.swappiness"), run.out());

        assertEquals(2, check("--policy", work.resolve("missing.edn").toString()).exitCode());
        Files.writeString(work.resolve("config/policy.edn"), "{:bogus 1}");
        run = check();
        assertEquals(2, run.exitCode(), "the default policy is read too: " + run);
        assertTrue(run.err().contains("config/policy.edn:1: unknown key :bogus"), run.err());
    }

    @Test
    void aWaiversFileAddsWaivers() throws Exception {
        Path waivers = work.resolve("waivers.edn");
        Files.writeString(waivers, "[{:check \"os.swappiness\" :reason \"accepted\" :owner \"me\" :expires \"2000-01-01\"}]");
        Cli.Run run = check("--only", "os", "--waivers", waivers.toString());
        assertEquals(1, run.exitCode(), "the waiver expired: " + run);
        assertTrue(run.out().contains("waiver expired on 2000-01-01"), run.out());
    }

    @Test
    void cronIsSilentUnlessSomethingNeedsAttention() throws Exception {
        host.sysctl("vm.swappiness", "1");
        Cli.Run quiet = check("--cron", "--output", "prometheus=" + work.resolve("m.prom"));
        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertEquals("", quiet.out() + quiet.err());
        assertTrue(Files.readString(work.resolve("m.prom")).contains("dlv_audit_gate_tripped"), "files are always written");
        host.sysctl("vm.swappiness", "30");
        Cli.Run warn = check("--cron", "--color=always");
        assertEquals(0, warn.exitCode(), warn.toString());
        assertTrue(warn.out().contains("WARN"), warn.out());
        assertFalse(warn.out().contains("\u001b["), "colour in cron mode");
        assertEquals("", check("--cron", "--cron-level", "fail").out(), "a WARN is below --cron-level fail");
        host.sysctl("vm.swappiness", "60");
        assertEquals(1, check("--cron").exitCode());
        assertEquals(0, check("--cron", "--exit-zero").exitCode());
    }

    @Test
    void aSecondCronRunSeesTheLockAndStops() throws Exception {
        Path lockFile = work.resolve("run/dlv-audit.lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            Cli.Run second = check("--cron");
            assertEquals(3, second.exitCode(), second.toString());
            assertTrue(second.err().contains("another dlv-audit --cron run holds the lock " + lockFile), second.err());
            assertEquals("", second.out());
            Cli.Run zero = check("--cron", "--cron-exit-zero");
            assertEquals(0, zero.exitCode(), zero.toString());
            assertEquals("", zero.out() + zero.err());
        }
        assertEquals(1, check("--cron").exitCode(), "runs once the lock is free");
    }

    @Test
    void outputsAreNeverWrittenThroughLinksOrIntoAuditedDirectories() throws Exception {
        Path target = work.resolve("elsewhere");
        Files.writeString(target, "keep");
        Path link = Files.createSymbolicLink(work.resolve("report.json"), target);
        Cli.Run run = check("--output", "json=" + link);
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("symbolic link"), run.err());
        assertEquals("keep", Files.readString(target));
        Path db = Files.createDirectories(work.resolve("db"));
        run = check("--output", "json=" + db.resolve("report.json"), db.toString());
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("audited database directory"), run.err());
        try (var files = Files.list(db)) {
            assertEquals(0, files.count());
        }
        assertEquals(2, check("--output", "yaml=" + work.resolve("x")).exitCode());
        assertEquals(2, check("--output", "json").exitCode());
    }

    @Test
    void shippedAlertRulesPassPromtool() throws Exception {
        assertTrue(tool("promtool", "check", "rules", "contrib/prometheus/dlv-audit.rules.yml").contains("SUCCESS"));
        assertTrue(tool("promtool", "test", "rules", "contrib/prometheus/dlv-audit.rules.test.yml").contains("SUCCESS"));
    }
}
