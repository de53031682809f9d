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
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user would. */
class CheckCommandIT {
    @TempDir
    Path root;
    FakeHost host;

    @BeforeEach
    void goodHost() {
        host = new FakeHost(root).goodKernel().swap(1024 * 1024).sysctl("vm.swappiness", "1")
                .file("/proc/sys/kernel/hostname", "fakehost\n");
    }

    @Test
    void passingHostExitsZeroWithPlainTextWhenPiped() {
        Cli.Run run = Cli.run("check", "--host-root", root.toString(), "--only", "os.swappiness");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("PASS") && run.out().contains("os.swappiness"), run.out());
        assertTrue(run.out().contains("Summary:"), run.out());
        assertFalse(run.out().contains("\u001b["), "escape codes in piped output");
    }

    @Test
    void hostRootIsAcceptedBeforeTheSubcommand() {
        Cli.Run run = Cli.run("--host-root", root.toString(), "check", "--only", "os");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("fakehost"), run.out());
    }

    @Test
    void failingCheckTripsTheGate() {
        host.sysctl("vm.swappiness", "60");
        Cli.Run run = Cli.run("check", "--host-root", root.toString(), "--only", "os.swappiness");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("FAIL"), run.out());
        assertTrue(run.out().contains("fix:"), run.out());
        assertEquals(0, Cli.run("check", "--host-root", root.toString(), "--only", "os.swappiness",
                "--fail-on", "never").exitCode());
    }

    @Test
    void warnTripsTheGateOnlyWithFailOnWarn() {
        host.sysctl("vm.swappiness", "30");
        assertEquals(0, Cli.run("check", "--host-root", root.toString(), "--only", "os.swappiness").exitCode());
        assertEquals(1, Cli.run("check", "--host-root", root.toString(), "--only", "os.swappiness",
                "--fail-on", "warn").exitCode());
    }

    @Test
    void malformedInputIsAnErrorWithoutAStackTrace() {
        host.sysctl("vm.swappiness", "abc");
        Cli.Run run = Cli.run("check", "--host-root", root.toString(), "--only", "os.swappiness");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.out().contains("ERROR") && run.out().contains("'abc'"), run.out());
        assertFalse((run.out() + run.err()).contains("\tat "), "stack trace printed");
    }

    @Test
    void unknownCheckIdIsAUsageErrorNamingIt() {
        Cli.Run run = Cli.run("check", "--host-root", root.toString(), "--only", "os.nonsense");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("os.nonsense"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, Cli.run("check", "--fail-on", "sometimes").exitCode());
        assertEquals(2, Cli.run("check", "--no-such-option").exitCode());
        assertEquals(2, Cli.run("check", "--host-root", root.resolve("missing").toString()).exitCode());
        assertEquals(2, Cli.run("explain", "os.nonsense").exitCode());
    }

    @Test
    void colorOnlyWhenAskedAndNeverWithNoColor() {
        Cli.Run forced = Cli.run("check", "--host-root", root.toString(), "--color=always", "--only", "os");
        assertTrue(forced.out().contains("\u001b["), forced.out());
        Cli.Run noColor = Cli.run(Map.of("NO_COLOR", "1"), "check", "--host-root", root.toString(), "--only", "os");
        assertFalse(noColor.out().contains("\u001b["), noColor.out());
    }

    @Test
    void jsonReportFollowsItsSchema() throws Exception {
        host.sysctl("vm.swappiness", "60");
        Cli.Run run = Cli.run("check", "--host-root", root.toString(), "--format", "json");
        assertEquals(1, run.exitCode(), run.toString());
        JsonNode report = new ObjectMapper().readTree(run.out());
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/dev/dlvaudit/report/report.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(report);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("fakehost", report.get("host").asText());
        assertTrue(report.get("summary").get("gate_tripped").asBoolean());
        JsonNode swappiness = null;
        for (JsonNode r : report.get("results")) {
            if (r.get("id").asText().equals("os.swappiness")) {
                swappiness = r;
            }
        }
        assertEquals("FAIL", swappiness.get("status").asText());
        assertEquals("60", swappiness.get("observed").asText());
    }

    @Test
    void listAndExplainDescribeEveryCheck() {
        Cli.Run list = Cli.run("list");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("os.swappiness"), list.out());
        Cli.Run explain = Cli.run("explain", "os.swappiness");
        assertEquals(0, explain.exitCode(), explain.toString());
        assertTrue(explain.out().contains("Why:") && explain.out().contains("Fix:"), explain.out());
    }

    @Test
    void versionAndHelpWork() {
        Cli.Run version = Cli.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("dlv-audit "), version.out());
        Cli.Run help = Cli.run("check", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--fail-on") && help.out().contains("Exit status"), help.out());
    }
}
