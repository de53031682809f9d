package dev.dlvaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dlvaudit.engine.AuditRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format validated by its real consumer where there is one (xmllint, promtool). */
class ReportFormatsTest {
    @TempDir
    Path dir;

    static String render(ReportWriter writer, AuditRun run) {
        StringWriter s = new StringWriter();
        try (PrintWriter w = new PrintWriter(s)) {
            writer.write(run, w);
        }
        return s.toString();
    }

    /** Runs a tool; returns exit code and output. The tools are installed by ./test.sh. */
    static String[] tool(Path input, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (input != null) {
            pb.redirectInput(input.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(cmd[0] + " is not installed: run ./test.sh (installs it) or apt-get install it", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new String[] {String.valueOf(p.exitValue()), out};
    }

    @Test
    void junitValidatesAgainstTheJunitSchemaWithXmllint() throws Exception {
        for (AuditRun run : List.of(SampleRun.run(), SampleRun.withBaseline())) {
            for (JunitReport.WarnAs warnAs : JunitReport.WarnAs.values()) {
                Path xml = dir.resolve("junit-" + warnAs + ".xml");
                Files.writeString(xml, render(new JunitReport(warnAs), run));
                Path xsd = Path.of(getClass().getResource("/junit.xsd").toURI());
                String[] r = tool(null, "xmllint", "--noout", "--schema", xsd.toString(), xml.toString());
                assertEquals("0", r[0], r[1] + "\n" + Files.readString(xml));
            }
        }
    }

    @Test
    void junitMapsStatesToFailureErrorSkipped() {
        String xml = render(new JunitReport(JunitReport.WarnAs.pass), SampleRun.withBaseline());
        assertTrue(xml.contains("tests=\"7\" failures=\"1\" errors=\"1\" skipped=\"2\""), xml);
        assertTrue(xml.contains("<failure message=\"FAIL: 126 slots &lt; 1024 &quot;required&quot;"), xml);
        assertTrue(xml.contains("fix: sysctl -w db.max-readers=1"), xml);
        assertTrue(xml.contains("<error message=\"ERROR: cannot read lock.mdb"), xml);
        assertTrue(xml.contains("classname=\"db\""), xml);
        assertTrue(xml.contains("name=\"db.long-readers [pid 42] (" + Markup.esc(SampleRun.DB) + ")\""), xml);
        assertTrue(xml.contains("<skipped message=\"WAIVED: THP is always — waived until 2027-03-31 by ops@example.com:"
                + " vendor kernel, fixed in Q1 (would be FAIL)\"/>"), xml);
        assertTrue(xml.contains("<property name=\"waiver.expires\" value=\"2027-03-31\"/>"), xml);
        assertTrue(xml.contains("<property name=\"status\" value=\"WARN\"/>"), xml);
        assertTrue(xml.contains("<property name=\"baseline\" value=\"regressed\"/>"), xml);
        String asFailure = render(new JunitReport(JunitReport.WarnAs.failure), SampleRun.run());
        assertTrue(asFailure.contains("failures=\"2\"") && asFailure.contains("type=\"WARN\""), asFailure);
    }

    @Test
    void prometheusPassesPromtoolAndEscapesLabels() throws Exception {
        for (AuditRun run : List.of(SampleRun.run(), SampleRun.withBaseline())) {
            String text = render(new PrometheusReport(), run);
            Path prom = dir.resolve("dlv-audit.prom");
            Files.writeString(prom, text);
            String[] r = tool(prom, "promtool", "check", "metrics");
            assertEquals("0", r[0], r[1] + "\n" + text);
            assertFalse(r[1].contains("problem") || r[1].contains("error"), r[1]);
            for (String line : text.split("\n")) {
                if (!line.startsWith("#")) {
                    assertTrue(line.matches("dlv_audit_[a-z_]+(\\{.*\\})? -?[0-9.]+"), "timestamp or bad sample: " + line);
                }
            }
        }
        String text = render(new PrometheusReport(), SampleRun.run());
        assertTrue(text.contains("dlv_audit_check_status{check=\"db.max-readers\",target=\"/var/lib/app/\\\"db\\\" <1> & \\\\x\","
                + "subject=\"\",severity=\"fail\"} 2"), text);
        assertTrue(text.contains("check=\"os.thp\",target=\"host\",subject=\"\",severity=\"fail\"} -3"), text);
        assertTrue(text.contains("dlv_audit_checks{status=\"error\"} 1"), text);
        assertTrue(text.contains("dlv_audit_gate_tripped{fail_on=\"fail\"} 1"), text);
        assertTrue(text.contains("dlv_audit_last_run_timestamp_seconds 1795514401.500"), text);
        assertTrue(render(new PrometheusReport(), SampleRun.withBaseline())
                .contains("dlv_audit_baseline_results{change=\"fixed\"} 2"));
    }

    @Test
    void htmlIsSelfContainedPrintableAndShowsWaiversAndBaseline() {
        String html = render(new HtmlReport(), SampleRun.withBaseline());
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        Matcher external = Pattern.compile("(?i)(src|href)\\s*=|@import|url\\(|<script|<link").matcher(html);
        assertFalse(external.find(), "external asset or script: " + (external.find(0) ? external.group() : ""));
        assertTrue(html.contains("@media print"), html);
        assertTrue(html.contains("waived until 2027-03-31 by ops@example.com: vendor kernel, fixed in Q1"), html);
        assertTrue(html.contains("&quot;db&quot; &lt;1&gt; &amp;"), "target not escaped");
        assertFalse(html.contains("<1>"), "unescaped text");
        assertTrue(html.contains("<span class=\"change\">regressed</span>"), html);
        assertTrue(html.contains("os.numa on host: was WARN, no longer reported"), html);
        assertTrue(html.contains("os.swappiness on host: was FAIL, now PASS"), html);
        assertEquals(count(html, "<tr class="), 7, "one row per result");
    }

    @Test
    void markdownShowsEveryResultWaiverAndBaseline() {
        String md = render(new MarkdownReport(), SampleRun.withBaseline());
        assertTrue(md.contains("| ~ WAIVED | os.thp | unchanged |") || md.contains("| ~ WAIVED | os.thp | new |"), md);
        assertTrue(md.contains("waived until 2027-03-31 by ops@example.com: vendor kernel, fixed in Q1"), md);
        assertTrue(md.contains("| ✗ FAIL | db.max-readers | unchanged | 126 slots \\< 1024 \"required\" second line |"), md);
        assertTrue(md.contains("| ! WARN | os.dirty | regressed |"), md);
        assertTrue(md.contains("- os.numa on host: was WARN, no longer reported"), md);
        assertTrue(md.contains("- **fix:** sysctl -w db.max-readers=1"), md);
        for (String line : md.split("\n")) {
            if (line.matches("^\\| . (PASS|WARN|FAIL|ERROR|INFO|SKIP|WAIVED) \\|.*")) {
                assertEquals(line.split("(?<!\\\\)\\|", -1).length, md.contains("since baseline") ? 6 : 5,
                        "a table row with a stray pipe: " + line);
            }
        }
    }

    @Test
    void textMarksBaselineChangesAndListsFixed() {
        String text = render(new TextReport(false), SampleRun.withBaseline());
        assertTrue(text.contains("(regressed) dirty ratio is 40 %"), text);
        assertTrue(text.contains("fixed: os.swappiness on host: was FAIL, now PASS"), text);
        assertTrue(text.contains("waiver:   waived until 2027-03-31"), text);
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
