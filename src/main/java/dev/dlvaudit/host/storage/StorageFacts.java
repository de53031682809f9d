package dev.dlvaudit.host.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a database's files live: path → mount → filesystem → block device → kind.
 *
 * @param path the path as given
 * @param hostPath the real path on the audited host
 * @param mount the mount holding it, from {@code mountTable}
 * @param device the block device, absent for tmpfs, overlay, network filesystems and anonymous devices
 * @param freeBytes usable space of the filesystem as the auditing process sees it, when it exists here
 */
public record StorageFacts(String path, String hostPath, String mountTable, Mount mount, FsClass fsClass,
                           Optional<BlockDevice> device, OptionalLong freeBytes) {

    /** The kind of storage: network for a network filesystem whatever the device says. */
    public DeviceKind kind() {
        if (fsClass == FsClass.NETWORK) {
            return DeviceKind.NETWORK;
        }
        return device.map(BlockDevice::kind).orElse(DeviceKind.UNKNOWN);
    }

    /** The facts as an ordered map for reports (absent facts left out). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        if (!hostPath.equals(path)) {
            m.put("host_path", hostPath);
        }
        m.put("mount_point", mount.mountPoint());
        m.put("filesystem", mount.fsType());
        m.put("mount_source", mount.source());
        m.put("mount_options", mount.options());
        m.put("device_number", mount.majorMinor());
        device.ifPresent(d -> {
            m.put("device", d.name());
            if (!d.disk().equals(d.name())) {
                m.put("disk", d.disk());
            }
            if (!d.underlying().isEmpty()) {
                m.put("underlying", d.underlying());
            }
            d.transport().ifPresent(t -> m.put("transport", t));
            d.scheduler().ifPresent(s -> m.put("scheduler", s));
            if (d.readAheadKb().isPresent()) {
                m.put("read_ahead_kb", d.readAheadKb().getAsLong());
            }
        });
        m.put("kind", kind().label());
        if (freeBytes.isPresent()) {
            m.put("free_bytes", freeBytes.getAsLong());
        }
        return m;
    }
}
