package dev.dlvaudit.checks.os;

import dev.dlvaudit.host.Container;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The exact fix for kernel settings: the runtime command and the lines that make it survive a reboot. */
final class SysctlFix {
    static final String FILE = "/etc/sysctl.d/90-datalevin.conf";

    private SysctlFix() {
    }

    static String of(Container container, String key, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(key, value);
        return of(container, one);
    }

    /**
     * {@code sysctl -w k=v ...} now, and the same lines appended to {@link #FILE} for the next boot
     * (appended, not overwritten, so fixes from several checks add up).
     */
    static String of(Container container, Map<String, Object> settings) {
        List<String> assignments = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            assignments.add(e.getKey() + "=" + e.getValue());
            lines.add(e.getKey() + " = " + e.getValue());
        }
        return "Now: sysctl -w " + String.join(" ", assignments) + ". At boot: printf '"
                + String.join("\\n", lines) + "\\n' >> " + FILE
                + " (and make sure no later file in sysctl.d or /etc/sysctl.conf sets it back)."
                + container.hostNote();
    }

    /** Now and at boot for the THP {@code enabled} mode. */
    static String thpEnabled(Container container) {
        return "Now: echo madvise > /sys/kernel/mm/transparent_hugepage/enabled."
                + " At boot: add transparent_hugepage=madvise to GRUB_CMDLINE_LINUX in /etc/default/grub and run"
                + " update-grub (grub2-mkconfig -o /boot/grub2/grub.cfg on RHEL), or set transparent_hugepages=madvise"
                + " in the [vm] section of a tuned profile." + container.hostNote();
    }
}
