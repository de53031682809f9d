package dev.dlvaudit.host.proc;

import dev.dlvaudit.host.HostFiles;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** User names by uid from {@code /etc/passwd} under the host root; unknown uids print as numbers. */
final class Passwd {
    private final Map<Integer, String> names = new HashMap<>();

    Passwd(HostFiles files) {
        Optional<String> text;
        try {
            text = files.readIfExists("/etc/passwd");
        } catch (RuntimeException e) {
            text = Optional.empty();
        }
        text.ifPresent(t -> {
            for (String line : t.split("\n")) {
                String[] f = line.split(":");
                if (f.length >= 3) {
                    try {
                        names.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                    } catch (NumberFormatException e) {
                        // a malformed line names nobody
                    }
                }
            }
        });
    }

    String name(int uid) {
        return names.getOrDefault(uid, Integer.toString(uid));
    }
}
