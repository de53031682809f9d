package dev.dlvaudit.host;

import java.util.Optional;

/**
 * Whether the audited system is a container, and which kind, from the usual markers under the
 * host root. Host-scoped kernel settings cannot be changed from inside one: fixes say so.
 *
 * @param runtime docker, podman, kubernetes, containerd, lxc, ... or empty on a plain host
 * @param marker the file that told
 */
public record Container(Optional<String> runtime, String marker) {

    public static Container detect(HostFiles files) {
        if (files.exists("/.dockerenv")) {
            return new Container(Optional.of("docker"), files.resolve("/.dockerenv").toString());
        }
        if (files.exists("/run/.containerenv")) {
            return new Container(Optional.of("podman"), files.resolve("/run/.containerenv").toString());
        }
        Optional<String> cgroup = files.readIfExists("/proc/1/cgroup");
        if (cgroup.isPresent()) {
            String text = cgroup.get();
            String[][] kinds = {{"kubepods", "kubernetes"}, {"docker", "docker"}, {"containerd", "containerd"},
                {"libpod", "podman"}, {"lxc", "lxc"}};
            for (String[] k : kinds) {
                if (text.contains(k[0])) {
                    return new Container(Optional.of(k[1]), files.resolve("/proc/1/cgroup").toString());
                }
            }
        }
        Optional<String> env = files.readIfExists("/run/systemd/container");
        if (env.isPresent() && !env.get().isBlank()) {
            return new Container(Optional.of(env.get().trim()), files.resolve("/run/systemd/container").toString());
        }
        return new Container(Optional.empty(), "");
    }

    public boolean inContainer() {
        return runtime.isPresent();
    }

    /** Appended to a kernel setting's fix inside a container. */
    public String hostNote() {
        return inContainer()
                ? " This system is a " + runtime.get() + " container: vm.* and THP settings are the host's,"
                  + " so set them on the host (or the node's tuning profile), not in the container."
                : "";
    }
}
