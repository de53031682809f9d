package dev.dlvaudit.host.storage;

import dev.dlvaudit.api.FactException;
import dev.dlvaudit.host.HostFiles;
import dev.dlvaudit.host.HostPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** Where a database path lives on the audited host: mount, filesystem, device, kind, free space. */
public final class StorageProbe {
    private StorageProbe() {
    }

    public static StorageFacts probe(HostFiles files, Path path) {
        String hostPath = HostPath.onHost(files, path);
        MountTable table = MountTable.read(files);
        return probe(files, table, path, hostPath);
    }

    public static StorageFacts probe(HostFiles files, MountTable table, Path path, String hostPath) {
        Mount mount = table.find(hostPath).orElseThrow(() -> new FactException(
                table.source() + ": no mount holds " + hostPath));
        FsClass fsClass = FsClass.of(mount.fsType());
        Optional<BlockDevice> device = fsClass == FsClass.NETWORK || fsClass == FsClass.MEMORY
                ? Optional.empty() : SysBlock.deviceOf(files, mount);
        return new StorageFacts(path.toString(), hostPath, table.source().toString(), mount, fsClass, device,
                freeBytes(path));
    }

    /** The auditing machine's view of the filesystem's free space (the same filesystem when paths agree). */
    private static OptionalLong freeBytes(Path path) {
        Path real = HostPath.real(path);
        if (!Files.exists(real)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.getFileStore(real).getUsableSpace());
        } catch (IOException | SecurityException e) {
            return OptionalLong.empty();
        }
    }
}
