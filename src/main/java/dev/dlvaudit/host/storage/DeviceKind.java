package dev.dlvaudit.host.storage;

/** What a database's bytes sit on, as far as sysfs tells. */
public enum DeviceKind {
    NVME("NVMe"), SSD("SSD"), ROTATIONAL("rotational"), NETWORK("network"), UNKNOWN("unknown");

    private final String label;

    DeviceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
