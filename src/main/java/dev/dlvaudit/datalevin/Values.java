package dev.dlvaudit.datalevin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import us.bpsm.edn.Keyword;

/** Prints decoded values as Clojure/EDN does, for findings and messages. */
public final class Values {
    private Values() {
    }

    public static String show(Object v) {
        if (v == null) {
            return "nil";
        }
        if (v instanceof String) {
            return '"' + ((String) v).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (v instanceof Set) {
            // sorted, so the same set prints the same way whatever order nippy stored it in
            return ((Set<?>) v).stream().map(Values::show).collect(Collectors.toCollection(TreeSet::new))
                    .stream().collect(Collectors.joining(" ", "#{", "}"));
        }
        if (v instanceof Map) {
            return ((Map<?, ?>) v).entrySet().stream().map(e -> show(e.getKey()) + " " + show(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof List) {
            return ((List<?>) v).stream().map(Values::show).collect(Collectors.joining(" ", "[", "]"));
        }
        if (v instanceof Collection) {
            return ((Collection<?>) v).stream().map(Values::show).collect(Collectors.joining(" ", "(", ")"));
        }
        return v.toString();
    }

    /** {@code :name} or {@code :ns/name} from a keyword name as Datalevin stores option names. */
    public static Keyword keyword(String name) {
        return Nippy.keyword(name);
    }
}
