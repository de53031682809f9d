package dev.dlvaudit.host.storage;

import dev.dlvaudit.host.HostFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block device behind a mount, from {@code /sys/dev/block/MAJ:MIN} (or the mount source's
 * name for filesystems with anonymous device numbers such as btrfs). Absent facts stay absent.
 */
public final class SysBlock {
    private static final Pattern NVME = Pattern.compile("^nvme(\\d+)");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\]");

    private SysBlock() {
    }

    public static Optional<BlockDevice> deviceOf(HostFiles files, Mount mount) {
        Path dir = null;
        if (!mount.majorMinor().startsWith("0:")) {
            dir = realDir(files.resolve("/sys/dev/block/" + mount.majorMinor()));
        }
        if (dir == null && mount.source().startsWith("/dev/")) {
            dir = realDir(files.resolve("/sys/class/block/" + deviceName(files, mount.source())));
        }
        return dir == null ? Optional.empty() : Optional.of(describe(files, dir, 0));
    }

    private static String deviceName(HostFiles files, String source) {
        Path p = files.resolve(source);
        try {
            if (Files.isSymbolicLink(p)) {
                return Files.readSymbolicLink(p).getFileName().toString();
            }
        } catch (IOException e) {
            // use the name as written
        }
        return source.substring(source.lastIndexOf('/') + 1);
    }

    private static BlockDevice describe(HostFiles files, Path dir, int depth) {
        String name = dir.getFileName().toString();
        Path whole = Files.exists(dir.resolve("partition")) ? dir.getParent() : dir;
        String disk = whole.getFileName().toString();
        List<BlockDevice> below = new ArrayList<>();
        if (depth < 8) {
            for (String slave : list(whole.resolve("slaves"))) {
                Path slaveDir = realDir(files.resolve("/sys/class/block/" + slave));
                if (slaveDir == null) {
                    slaveDir = realDir(whole.resolve("slaves").resolve(slave));
                }
                if (slaveDir != null) {
                    below.add(describe(files, slaveDir, depth + 1));
                }
            }
        }
        List<String> underlying = new ArrayList<>();
        for (BlockDevice b : below) {
            if (b.underlying().isEmpty()) {
                underlying.add(b.disk());
            } else {
                underlying.addAll(b.underlying());
            }
        }
        Optional<String> transport = nvmeTransport(files, disk, whole);
        DeviceKind kind = below.isEmpty() ? kindOf(disk, whole, transport) : combine(below);
        Optional<String> scheduler = text(whole.resolve("queue/scheduler")).map(SysBlock::activeScheduler);
        OptionalLong readAhead = text(whole.resolve("queue/read_ahead_kb")).map(SysBlock::parseLong)
                .orElse(OptionalLong.empty());
        return new BlockDevice(name, disk, List.copyOf(underlying), kind, transport, scheduler, readAhead,
                dir.toString());
    }

    private static DeviceKind kindOf(String disk, Path whole, Optional<String> transport) {
        if (disk.startsWith("nvme")) {
            return transport.isPresent() && !transport.get().equals("pcie") ? DeviceKind.NETWORK : DeviceKind.NVME;
        }
        Optional<String> rotational = text(whole.resolve("queue/rotational"));
        if (rotational.isEmpty()) {
            return DeviceKind.UNKNOWN;
        }
        return rotational.get().equals("0") ? DeviceKind.SSD
                : rotational.get().equals("1") ? DeviceKind.ROTATIONAL : DeviceKind.UNKNOWN;
    }

    /** For dm/md: the worst of what lies beneath. */
    private static DeviceKind combine(List<BlockDevice> below) {
        boolean allNvme = true;
        DeviceKind worst = DeviceKind.NVME;
        for (BlockDevice b : below) {
            DeviceKind k = b.kind();
            allNvme &= k == DeviceKind.NVME;
            if (k == DeviceKind.NETWORK || (k == DeviceKind.ROTATIONAL && worst != DeviceKind.NETWORK)
                    || (k == DeviceKind.UNKNOWN && (worst == DeviceKind.NVME || worst == DeviceKind.SSD))) {
                worst = k;
            } else if (k == DeviceKind.SSD && worst == DeviceKind.NVME) {
                worst = DeviceKind.SSD;
            }
        }
        return allNvme ? DeviceKind.NVME : worst;
    }

    /** NVMe over fabrics: the controller's transport is tcp, rdma, fc or loop rather than pcie. */
    private static Optional<String> nvmeTransport(HostFiles files, String disk, Path whole) {
        Matcher m = NVME.matcher(disk);
        if (!m.find()) {
            return Optional.empty();
        }
        Optional<String> t = text(files.resolve("/sys/class/nvme/nvme" + m.group(1) + "/transport"));
        return t.isPresent() ? t : text(whole.resolve("device/transport"));
    }

    static String activeScheduler(String text) {
        Matcher m = BRACKETED.matcher(text);
        return m.find() ? m.group(1) : text.trim();
    }

    private static OptionalLong parseLong(String s) {
        try {
            return OptionalLong.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Path realDir(Path p) {
        try {
            return Files.isDirectory(p) ? p.toRealPath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> list(Path dir) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException e) {
            return names;
        }
        names.sort(null);
        return names;
    }

    private static Optional<String> text(Path p) {
        try {
            return Files.isRegularFile(p)
                    ? Optional.of(Files.readString(p, StandardCharsets.UTF_8).trim()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
