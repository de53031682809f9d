package example.timesync;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import java.util.List;

/** A site rule: the clock is NTP-synchronized, so backup ages, waiver expiry and logs agree. */
@CheckSpec(id = "site.ntp-synced", title = "the clock is synchronized by systemd-timesyncd",
        severity = Severity.WARN, scope = Scope.HOST,
        rationale = "Backup ages, waiver expiry dates and log timestamps are only comparable across hosts"
                + " when every clock is synchronized.",
        reads = "/run/systemd/timesync/synchronized (touched by systemd-timesyncd once it has synchronized)",
        thresholds = "required (policy, default false): when true, a host without systemd-timesyncd warns"
                + " instead of being skipped.",
        fix = "timedatectl set-ntp true, then check with timedatectl timesync-status.",
        sources = {"man 8 systemd-timesyncd.service"})
public final class NtpSyncedCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        TimeSync sync = context.fact(TimeSync.class);
        String flag = sync.directory().resolve("synchronized").toString();
        if (sync.synchronizedAt().isPresent()) {
            return List.of(Finding.pass("the clock is synchronized")
                    .observed("synchronized at " + sync.synchronizedAt().get())
                    .expected("synchronized").evidence(flag));
        }
        if (!sync.serviceDirPresent()) {
            boolean required = Boolean.parseBoolean(context.settings().getString("required", "false"));
            Finding finding = required
                    ? Finding.warn("systemd-timesyncd does not run on this host").expected("systemd-timesyncd")
                    : Finding.skip("systemd-timesyncd does not run on this host (check your NTP daemon,"
                            + " e.g. chronyc tracking)");
            return List.of(finding.evidence(sync.directory() + " is missing")
                    .fix("apt-get install systemd-timesyncd && timedatectl set-ntp true"));
        }
        return List.of(Finding.warn("systemd-timesyncd runs but has not synchronized the clock")
                .observed("not synchronized").expected("synchronized").evidence(flag + " is missing")
                .fix("timedatectl set-ntp true; timedatectl timesync-status shows the server it tries"));
    }
}
