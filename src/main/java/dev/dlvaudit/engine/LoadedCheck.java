package dev.dlvaudit.engine;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckSpec;

/** A check with its metadata and where it came from ("built-in" or the plugin jar's path). */
public record LoadedCheck(Check check, CheckSpec spec, String origin) {

    public String id() {
        return spec.id();
    }

    /** The part of the id before the dot: {@code os}, {@code db}, {@code dl}, {@code proc}, {@code ops}. */
    public String area() {
        return areaOf(spec.id());
    }

    public static String areaOf(String id) {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }
}
