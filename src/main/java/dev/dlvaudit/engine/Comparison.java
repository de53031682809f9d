package dev.dlvaudit.engine;

import dev.dlvaudit.api.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This run against a baseline run: a {@link Change} for every result (matched by check id,
 * target and subject) and the results that were WARN, FAIL or ERROR then and are fixed or gone now.
 * A waived result counts as the state it would have without its waiver: a waiver fixes nothing.
 */
public final class Comparison {
    private final Baseline baseline;
    private final Map<String, Change> changes = new HashMap<>();
    private final List<Fixed> fixed = new ArrayList<>();

    /** A result that needed attention in the baseline and does not now. {@code now} is null when it is gone. */
    public record Fixed(String checkId, String target, String subject, Status was, Status now) {
    }

    private Comparison(Baseline baseline) {
        this.baseline = baseline;
    }

    public static Comparison of(Baseline baseline, List<Result> results) {
        Comparison c = new Comparison(baseline);
        Map<String, Baseline.Entry> before = new LinkedHashMap<>();
        for (Baseline.Entry e : baseline.entries()) {
            before.merge(e.key(), e, (a, b) -> Change.badness(b.status()) > Change.badness(a.status()) ? b : a);
        }
        Map<String, Boolean> seen = new HashMap<>();
        for (Result r : results) {
            String key = key(r);
            seen.put(key, true);
            Baseline.Entry previous = before.get(key);
            Status status = r.waiver() != null && r.waiver().waivedStatus() != null ? r.waiver().waivedStatus() : r.status();
            Change change = previous == null ? Change.NEW : Change.between(previous.status(), status);
            c.changes.merge(key, change, (a, b) -> b.ordinal() < a.ordinal() ? b : a);
            if (change == Change.FIXED) {
                c.fixed.add(new Fixed(r.checkId(), r.target(), r.subject(), previous.status(), r.status()));
            }
        }
        for (Baseline.Entry e : before.values()) {
            if (!seen.containsKey(e.key()) && Change.badness(e.status()) > 0) {
                c.fixed.add(new Fixed(e.checkId(), e.target(), e.subject(), e.status(), null));
            }
        }
        return c;
    }

    static String key(String checkId, String target, String subject) {
        return checkId + "\u0000" + target + "\u0000" + (subject == null ? "" : subject);
    }

    static String key(Result r) {
        return key(r.checkId(), r.target(), r.subject());
    }

    public Baseline baseline() {
        return baseline;
    }

    public Change changeOf(Result r) {
        return changes.getOrDefault(key(r), Change.NEW);
    }

    /** Fixed since the baseline: now PASS or INFO, or no longer reported at all. */
    public List<Fixed> fixed() {
        return List.copyOf(fixed);
    }

    /** How many results of this run have each change, plus gone-and-fixed ones counted as FIXED. */
    public Map<Change, Integer> counts(List<Result> results) {
        Map<Change, Integer> counts = new EnumMap<>(Change.class);
        for (Change ch : Change.values()) {
            counts.put(ch, 0);
        }
        for (Result r : results) {
            counts.merge(changeOf(r), 1, Integer::sum);
        }
        counts.merge(Change.FIXED, (int) fixed.stream().filter(f -> f.now() == null).count(), Integer::sum);
        return counts;
    }
}
