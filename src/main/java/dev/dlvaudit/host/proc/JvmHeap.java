package dev.dlvaudit.host.proc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A JVM's heap settings from its command line: {@code -Xmx}/{@code -XX:MaxHeapSize} win over
 * {@code -XX:MaxRAMPercentage}; without either the JVM takes 25 % of the (container's) memory.
 */
public record JvmHeap(OptionalLong maxHeapBytes, OptionalDouble maxRamPercentage, String source) {
    public static final double DEFAULT_MAX_RAM_PERCENTAGE = 25.0;

    /** The heap settings when the command line is a JVM's, else empty. */
    public static Optional<JvmHeap> of(List<String> args, String comm) {
        boolean jvm = comm.equals("java") || (!args.isEmpty() && (args.get(0).endsWith("/java") || args.get(0).equals("java")));
        OptionalLong max = OptionalLong.empty();
        OptionalDouble percent = OptionalDouble.empty();
        String source = "";
        for (String a : args) {
            if (a.startsWith("-Xmx")) {
                max = size(a.substring(4));
                source = a;
                jvm = true;
            } else if (a.startsWith("-XX:MaxHeapSize=")) {
                max = size(a.substring(16));
                source = a;
                jvm = true;
            } else if (a.startsWith("-XX:MaxRAMPercentage=")) {
                try {
                    percent = OptionalDouble.of(Double.parseDouble(a.substring(21)));
                    jvm = true;
                } catch (NumberFormatException e) {
                    // the JVM would refuse to start; leave it unknown
                }
            }
        }
        if (!jvm) {
            return Optional.empty();
        }
        if (max.isEmpty() && percent.isPresent()) {
            source = "-XX:MaxRAMPercentage=" + percent.getAsDouble();
        }
        return Optional.of(new JvmHeap(max, percent, source.isEmpty() ? "JVM default (25 % of memory)" : source));
    }

    /** The heap ceiling for a given memory (RAM or the cgroup limit, as the JVM sees it). */
    public long maxHeapFor(long memoryBytes) {
        if (maxHeapBytes.isPresent()) {
            return maxHeapBytes.getAsLong();
        }
        double pct = maxRamPercentage.orElse(DEFAULT_MAX_RAM_PERCENTAGE);
        return (long) (memoryBytes * pct / 100.0);
    }

    /** JVM sizes: {@code 4g}, {@code 512m}, {@code 1024k}, plain bytes. */
    static OptionalLong size(String s) {
        if (s.isEmpty()) {
            return OptionalLong.empty();
        }
        char unit = Character.toLowerCase(s.charAt(s.length() - 1));
        String number = Character.isDigit(unit) ? s : s.substring(0, s.length() - 1);
        int shift;
        switch (unit) {
            case 'k': shift = 10; break;
            case 'm': shift = 20; break;
            case 'g': shift = 30; break;
            case 't': shift = 40; break;
            default: shift = Character.isDigit(unit) ? 0 : -1;
        }
        if (shift < 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(number.toLowerCase(Locale.ROOT)) << shift);
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
