package dev.dlvaudit.host;

import dev.dlvaudit.api.FactException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How many NUMA nodes the host has, from {@code /sys/devices/system/node/online} (a list such as
 * {@code 0-1}) or else the {@code node*} directories. A kernel without NUMA support has neither:
 * one node, not an error.
 *
 * @param count the number of online nodes (1 when NUMA is absent)
 * @param source what was read, or why a single node is assumed
 */
public record NumaNodes(int count, String source) {
    static final String DIRECTORY = "/sys/devices/system/node";

    public static NumaNodes read(HostFiles files) {
        Path online = files.resolve(DIRECTORY + "/online");
        if (Files.exists(online)) {
            String text = files.read(DIRECTORY + "/online").trim();
            try {
                int count = CpuList.count(text);
                if (count < 1) {
                    throw new NumberFormatException();
                }
                return new NumaNodes(count, online.toString());
            } catch (RuntimeException e) {
                throw new FactException(online + ": expected a node list such as '0' or '0-1', found '" + text + "'");
            }
        }
        Path dir = files.resolve(DIRECTORY);
        if (!Files.isDirectory(dir)) {
            return new NumaNodes(1, dir + " does not exist: no NUMA support, one node");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            long count = entries.filter(p -> p.getFileName().toString().matches("node[0-9]+") && Files.isDirectory(p))
                    .count();
            return new NumaNodes((int) Math.max(1, count), dir + "/node*");
        } catch (IOException e) {
            throw new FactException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }
}
