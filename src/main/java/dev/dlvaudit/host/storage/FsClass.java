package dev.dlvaudit.host.storage;

import java.util.Set;

/** How a filesystem type matters to LMDB: local, network (forbidden), memory (lost at reboot), overlay. */
public enum FsClass {
    LOCAL, NETWORK, MEMORY, OVERLAY;

    private static final Set<String> NETWORK_TYPES = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "ceph",
            "glusterfs", "9p", "afs", "lustre", "beegfs", "gpfs", "ocfs2_dlmfs", "sshfs", "davfs", "ncpfs");
    private static final Set<String> NETWORK_FUSE = Set.of("fuse.sshfs", "fuse.glusterfs", "fuse.ceph",
            "fuse.ceph-fuse", "fuse.s3fs", "fuse.rclone", "fuse.gcsfuse", "fuse.juicefs", "fuse.cephfs",
            "fuse.davfs", "fuse.seaweedfs");

    public static FsClass of(String fsType) {
        if (NETWORK_TYPES.contains(fsType) || NETWORK_FUSE.contains(fsType)) {
            return NETWORK;
        }
        if (fsType.equals("tmpfs") || fsType.equals("ramfs")) {
            return MEMORY;
        }
        if (fsType.equals("overlay") || fsType.equals("overlayfs") || fsType.equals("aufs")) {
            return OVERLAY;
        }
        return LOCAL;
    }
}
