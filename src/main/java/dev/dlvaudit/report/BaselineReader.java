package dev.dlvaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.engine.Baseline;
import dev.dlvaudit.engine.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a previous JSON report ({@code --baseline}); anything else is a configuration error naming the file. */
public final class BaselineReader {
    private BaselineReader() {
    }

    public static Baseline read(Path path) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new ConfigException("--baseline " + path + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ConfigException("--baseline " + path + ": not a JSON report (line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new ConfigException("--baseline " + path + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !root.path("results").isArray()) {
            throw new ConfigException("--baseline " + path + ": not a dlv-audit JSON report (expected an object with"
                    + " a \"results\" array, as written by --format json)");
        }
        List<Baseline.Entry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode r : root.get("results")) {
            String where = "--baseline " + path + ": results[" + i++ + "]";
            String id = text(r, "id", where);
            String target = text(r, "target", where);
            String statusName = text(r, "status", where);
            Status status;
            try {
                status = Status.valueOf(statusName);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": unknown status \"" + statusName + "\"");
            }
            JsonNode waived = r.path("waiver").path("waived_status");
            if (status == Status.WAIVED && waived.isTextual()) {
                try {
                    status = Status.valueOf(waived.asText());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(where + ": unknown waiver.waived_status \"" + waived.asText() + "\"");
                }
            }
            entries.add(new Baseline.Entry(id, target, r.path("subject").asText(""), status, r.path("message").asText("")));
        }
        return new Baseline(path.toString(), root.path("started").asText(""), entries);
    }

    private static String text(JsonNode r, String field, String where) {
        JsonNode v = r.get(field);
        if (v == null || !v.isTextual()) {
            throw new ConfigException(where + ": no \"" + field + "\" text");
        }
        return v.asText();
    }
}
