package dev.dlvaudit.api;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and printing of sizes and numbers as operators write them. */
public final class Units {
    private static final Pattern SIZE = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGTP]i?B?|B)?\\s*", Pattern.CASE_INSENSITIVE);

    private Units() {
    }

    static long toLong(String key, Object value) {
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a whole number, got " + value);
        }
    }

    static double toDouble(String key, Object value) {
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        try {
            return Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected a number, got " + value);
        }
    }

    static long toBytes(String key, Object value) {
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        OptionalLong parsed = parseBytes(value.toString());
        if (parsed.isPresent()) {
            return parsed.getAsLong();
        }
        throw new IllegalArgumentException(key + ": expected a size such as 40 GiB or a number of bytes, got " + value);
    }


    /** Parses {@code 4096}, {@code 40 GiB}, {@code 512M}, {@code 1.5 TB} (binary multiples). */
    public static OptionalLong parseBytes(String text) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        int shift;
        switch (unit.charAt(0)) {
            case 'K': shift = 10; break;
            case 'M': shift = 20; break;
            case 'G': shift = 30; break;
            case 'T': shift = 40; break;
            case 'P': shift = 50; break;
            default: shift = 0;
        }
        return OptionalLong.of((long) (number * (1L << shift)));
    }

    /** {@code 1.5 GiB}, {@code 512 KiB}, {@code 100 B}. */
    public static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        String number = value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }

    /** {@code 42.0 %} for a ratio of 0.42. */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }
}
