package dev.dlvaudit.facts;

import dev.dlvaudit.api.Target;
import dev.dlvaudit.db.DatabaseFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The per-database numbers every report may show (and Prometheus exports), taken from facts the
 * checks already read: map use and reader counts. Nothing is read here.
 */
public final class DatabaseEnvironment {
    private DatabaseEnvironment() {
    }

    /** One map per target whose database facts were read: path, name, map_used_ratio, readers_*. */
    public static List<Map<String, Object>> entries(List<Target> targets,
                                                    Function<Target, Optional<DatabaseFacts>> cached) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Target t : targets) {
            Optional<DatabaseFacts> facts = cached.apply(t);
            if (t.directory().isEmpty() || facts.isEmpty()) {
                continue;
            }
            DatabaseFacts f = facts.get();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", t.directory().get().toString());
            t.name().ifPresent(n -> m.put("name", n));
            m.put("engine", f.engine().label());
            f.mapSize().ifPresent(v -> m.put("map_size_bytes", v));
            f.usedBytes().ifPresent(v -> m.put("used_bytes", v));
            f.mapUsedRatio().ifPresent(v -> m.put("map_used_ratio", Math.round(v * 1e6) / 1e6));
            if (f.lock().present()) {
                m.put("readers_active", (long) f.lock().activeSlots().size());
                f.lock().numReaders().ifPresent(v -> m.put("readers_high_water", v));
                f.lock().maxReaders().ifPresent(v -> m.put("readers_max", v));
            }
            out.add(m);
        }
        return out;
    }

    /** {@code existing} (e.g. the storage facts per database) with {@code more} merged in by {@code path}. */
    public static List<Object> merge(Object existing, List<Map<String, Object>> more) {
        List<Object> out = new ArrayList<>();
        if (existing instanceof List<?> list) {
            for (Object o : list) {
                out.add(o instanceof Map<?, ?> m ? new LinkedHashMap<Object, Object>(m) : o);
            }
        }
        for (Map<String, Object> m : more) {
            Optional<Map<Object, Object>> same = out.stream().filter(o -> o instanceof Map<?, ?> e
                    && m.get("path").equals(e.get("path"))).map(o -> {
                        @SuppressWarnings("unchecked")
                        Map<Object, Object> e = (Map<Object, Object>) o;
                        return e;
                    }).findFirst();
            if (same.isPresent()) {
                same.get().putAll(m);
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
