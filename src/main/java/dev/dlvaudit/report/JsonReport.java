package dev.dlvaudit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.AuditRun;
import dev.dlvaudit.engine.Change;
import dev.dlvaudit.engine.Comparison;
import dev.dlvaudit.engine.Result;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable report, following {@code report.schema.json} (schema version
 * {@value #SCHEMA_VERSION}; a change that removes or renames a field bumps it).
 */
public final class JsonReport implements ReportWriter {
    public static final String SCHEMA_VERSION = "1";
    public static final String SCHEMA_RESOURCE = "/dev/dlvaudit/report/report.schema.json";

    @Override
    public void write(AuditRun run, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema_version", SCHEMA_VERSION);
            g.writeObjectFieldStart("tool");
            g.writeStringField("name", "dlv-audit");
            g.writeStringField("version", run.toolVersion());
            g.writeEndObject();
            g.writeStringField("host", run.hostname());
            g.writeStringField("started", run.started().toString());
            g.writeNumberField("duration_seconds", run.duration().toMillis() / 1000.0);
            g.writeFieldName("environment");
            writeValue(g, run.environment());
            g.writeArrayFieldStart("targets");
            for (String t : run.targets()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("results");
            for (Result r : run.results()) {
                writeResult(g, r, Describe.change(run, r));
            }
            g.writeEndArray();
            if (run.comparison() != null) {
                writeBaseline(g, run);
            }
            g.writeObjectFieldStart("summary");
            for (Map.Entry<Status, Integer> e : run.counts().entrySet()) {
                g.writeNumberField(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
            }
            g.writeNumberField("total", run.results().size());
            g.writeStringField("fail_on", run.failOn().name().toLowerCase(Locale.ROOT));
            g.writeBooleanField("gate_tripped", run.gateTripped());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void writeBaseline(JsonGenerator g, AuditRun run) throws IOException {
        Comparison c = run.comparison();
        g.writeObjectFieldStart("baseline");
        g.writeStringField("source", c.baseline().source());
        g.writeStringField("started", c.baseline().started());
        g.writeObjectFieldStart("counts");
        for (Map.Entry<Change, Integer> e : c.counts(run.results()).entrySet()) {
            g.writeNumberField(e.getKey().label(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("fixed");
        for (Comparison.Fixed f : c.fixed()) {
            g.writeStartObject();
            g.writeStringField("id", f.checkId());
            g.writeStringField("target", f.target());
            g.writeStringField("subject", f.subject());
            g.writeStringField("was", f.was().name());
            g.writeStringField("now", f.now() == null ? null : f.now().name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, Result r, String change) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.checkId());
        g.writeStringField("area", r.area());
        g.writeStringField("title", r.title());
        g.writeStringField("severity", r.severity().name().toLowerCase(Locale.ROOT));
        g.writeStringField("target", r.target());
        g.writeStringField("status", r.status().name());
        g.writeStringField("message", r.message());
        g.writeStringField("subject", r.subject());
        g.writeStringField("observed", r.observed());
        g.writeStringField("expected", r.expected());
        g.writeStringField("evidence", r.evidence());
        g.writeStringField("fix", r.fix());
        g.writeNumberField("duration_ms", r.durationMillis());
        if (r.waiver() != null) {
            g.writeObjectFieldStart("waiver");
            g.writeStringField("reason", r.waiver().reason());
            g.writeStringField("owner", r.waiver().owner());
            g.writeStringField("expires", r.waiver().expires() == null ? null : r.waiver().expires().toString());
            g.writeStringField("waived_status", r.waiver().waivedStatus().name());
            g.writeEndObject();
        }
        if (change != null) {
            g.writeStringField("baseline", change);
        }
        g.writeEndObject();
    }

    /** Writes maps, lists, numbers, booleans and anything else as its string. */
    static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof Long || value instanceof Integer) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(value.toString());
        }
    }
}
