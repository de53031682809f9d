package dev.dlvaudit.host;

/** The kernel's CPU/node list format: {@code 0-3,8,10-11}. */
public final class CpuList {
    private CpuList() {
    }

    public static int count(String list) {
        int count = 0;
        for (String part : list.split(",")) {
            part = part.trim();
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            if (dash < 0) {
                Integer.parseInt(part);
                count++;
            } else {
                count += Integer.parseInt(part.substring(dash + 1)) - Integer.parseInt(part.substring(0, dash)) + 1;
            }
        }
        return count;
    }
}
