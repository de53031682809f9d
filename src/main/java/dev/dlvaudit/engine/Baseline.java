package dev.dlvaudit.engine;

import dev.dlvaudit.api.Status;
import java.util.List;

/**
 * The results of a previous run ({@code --baseline previous.json}), as far as a comparison needs them.
 *
 * @param source the file it was read from
 * @param started when that run started, as written in it
 */
public record Baseline(String source, String started, List<Entry> entries) {

    /** One previous result; {@code status} is what a WAIVED result would have been without its waiver. */
    public record Entry(String checkId, String target, String subject, Status status, String message) {
        public String key() {
            return Comparison.key(checkId, target, subject);
        }
    }
}
