package dev.dlvaudit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Storage on a {@link FakeHost}: a mount table in {@code /proc/1/mountinfo} and sysfs block
 * devices reached through symlinks as on a real host ({@code /sys/dev/block/8:1 → ../../devices/…/sda/sda1}).
 */
public final class FakeStorage {
    private final FakeHost host;
    private final StringBuilder mountinfo = new StringBuilder();
    private int nextId = 20;

    public FakeStorage(FakeHost host) {
        this.host = host;
    }

    /** Appends a mount (later lines mount over earlier ones); spaces in the mount point are escaped as the kernel does. */
    public FakeStorage mount(String mountPoint, String majMin, String fsType, String source, String options) {
        int id = nextId++;
        mountinfo.append(id).append(' ').append(id == 20 ? 1 : 20).append(' ').append(majMin).append(" / ")
                .append(mountPoint.replace(" ", "\\040")).append(' ').append(options)
                .append(" shared:1 - ").append(fsType).append(' ').append(source).append(" rw\n");
        host.file("/proc/1/mountinfo", mountinfo.toString());
        return this;
    }

    /** A whole disk with its queue attributes; rotational or scheduler null leaves the file out. */
    public FakeStorage disk(String name, String majMin, String rotational, String scheduler, long readAheadKb) {
        String dir = "/sys/devices/pci0000:00/0000:00:01.0/block/" + name;
        host.file(dir + "/dev", majMin + "\n");
        if (rotational != null) {
            host.file(dir + "/queue/rotational", rotational + "\n");
        }
        if (scheduler != null) {
            host.file(dir + "/queue/scheduler", scheduler + "\n");
        }
        host.file(dir + "/queue/read_ahead_kb", readAheadKb + "\n");
        link("/sys/dev/block/" + majMin, dir);
        link("/sys/class/block/" + name, dir);
        return this;
    }

    public FakeStorage partition(String disk, String name, String majMin) {
        String dir = "/sys/devices/pci0000:00/0000:00:01.0/block/" + disk + "/" + name;
        host.file(dir + "/partition", "1\n");
        host.file(dir + "/dev", majMin + "\n");
        link("/sys/dev/block/" + majMin, dir);
        link("/sys/class/block/" + name, dir);
        return this;
    }

    /** A device-mapper or md device over the named devices (its slaves). */
    public FakeStorage virtual(String name, String majMin, String... slaves) {
        String dir = "/sys/devices/virtual/block/" + name;
        host.file(dir + "/queue/scheduler", "none\n");
        host.file(dir + "/queue/rotational", "0\n");
        host.file(dir + "/queue/read_ahead_kb", "4096\n");
        for (String s : slaves) {
            host.dir(dir + "/slaves/" + s);
        }
        link("/sys/dev/block/" + majMin, dir);
        link("/sys/class/block/" + name, dir);
        return this;
    }

    public FakeStorage nvmeTransport(int controller, String transport) {
        host.file("/sys/class/nvme/nvme" + controller + "/transport", transport + "\n");
        return this;
    }

    private void link(String hostPath, String targetHostPath) {
        Path link = host.path(hostPath);
        Path target = host.path(targetHostPath);
        try {
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, link.getParent().relativize(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
