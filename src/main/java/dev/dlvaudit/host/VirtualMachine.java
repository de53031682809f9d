package dev.dlvaudit.host;

import java.util.Locale;
import java.util.Optional;

/** Whether the host is a virtual machine: DMI product/vendor names, else the CPU's hypervisor flag. */
public final class VirtualMachine {
    private static final String[][] KNOWN = {
        {"kvm", "KVM"}, {"qemu", "QEMU"}, {"vmware", "VMware"}, {"virtualbox", "VirtualBox"},
        {"hvm domu", "Xen"}, {"xen", "Xen"}, {"amazon ec2", "Amazon EC2"}, {"google compute engine", "Google Compute Engine"},
        {"openstack", "OpenStack"}, {"microsoft corporation", "Hyper-V"}, {"virtual machine", "Hyper-V"},
        {"bochs", "Bochs"}, {"parallels", "Parallels"}, {"digitalocean", "DigitalOcean"}, {"hetzner", "Hetzner Cloud"}};

    private VirtualMachine() {
    }

    /** The hypervisor's name, "unknown hypervisor" when only the CPU flag says so, or empty on bare metal. */
    public static Optional<String> detect(HostFiles files) {
        String dmi = (quiet(files, "/sys/class/dmi/id/sys_vendor") + " " + quiet(files, "/sys/class/dmi/id/product_name"))
                .toLowerCase(Locale.ROOT);
        for (String[] k : KNOWN) {
            if (dmi.contains(k[0])) {
                return Optional.of(k[1]);
            }
        }
        for (String line : quiet(files, "/proc/cpuinfo").split("\n")) {
            if (line.startsWith("flags")) {
                return (" " + line + " ").contains(" hypervisor ") ? Optional.of("unknown hypervisor") : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String quiet(HostFiles files, String path) {
        try {
            return files.readIfExists(path).orElse("").trim();
        } catch (RuntimeException e) {
            return "";
        }
    }
}
