package dev.dlvaudit.report;

import java.util.List;
import java.util.Map;

/** Human names of the check areas, in report order. */
public final class Areas {
    public static final List<String> ORDER = List.of("os", "proc", "db", "dl", "ops");
    private static final Map<String, String> NAMES = Map.of(
            "os", "Operating system",
            "proc", "Processes using the database",
            "db", "Database",
            "dl", "Datalevin configuration",
            "ops", "Operations");

    private Areas() {
    }

    public static String name(String area) {
        return NAMES.getOrDefault(area, area);
    }

    /** Sort key: known areas in their order, others after them alphabetically. */
    public static String sortKey(String area) {
        int i = ORDER.indexOf(area);
        return i >= 0 ? i + area : ORDER.size() + area;
    }
}
