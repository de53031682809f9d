package dev.dlvaudit.host.storage;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The block device under a filesystem, from sysfs.
 *
 * @param name the device of the filesystem ({@code sda1}, {@code dm-0}, {@code nvme0n1p2})
 * @param disk the whole disk it belongs to ({@code sda}); for dm/md the device itself
 * @param underlying for dm and md devices, the whole disks beneath (their slaves), else empty
 * @param kind NVMe, SSD, rotational, network or unknown
 * @param transport NVMe transport ({@code pcie}, {@code tcp}, {@code rdma}, {@code fc}) when known
 * @param scheduler the active I/O scheduler (the bracketed word)
 * @param readAheadKb {@code queue/read_ahead_kb}
 * @param sysPath where it was read
 */
public record BlockDevice(String name, String disk, List<String> underlying, DeviceKind kind,
                          Optional<String> transport, Optional<String> scheduler, OptionalLong readAheadKb,
                          String sysPath) {
}
