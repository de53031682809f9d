package dev.dlvaudit.checks.ops;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.CheckSpec;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import java.util.List;

@CheckSpec(
        id = "ops.monitoring-hooks",
        title = "Transaction monitoring hooks (advice)",
        severity = Severity.INFO,
        scope = Scope.HOST,
        rationale = "Datalevin can report every transaction to the application through d/listen!, which is how"
                + " slow or failing writes get noticed and measured. Such hooks live inside the application's"
                + " process and leave no trace in the database files, so an outside audit cannot see them:"
                + " this check only gives the advice, and never passes.",
        reads = "nothing (not observable from outside the application)",
        thresholds = "Always INFO.",
        fix = "Register a listener with (d/listen! conn :monitor (fn [report] ...)) that records transaction"
                + " counts, sizes and latency in the application's metrics.",
        sources = {"Datalevin API: datalevin.core/listen!"})
public final class MonitoringHooksCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        return List.of(Finding.info("whether the application monitors its transactions with d/listen! cannot be"
                + " seen from outside its process; make sure it does")
                .observed("not observable from outside the application")
                .expected("a d/listen! hook recording transaction counts, sizes and latency")
                .evidence("no file or process state shows d/listen! hooks")
                .fix("(d/listen! conn :monitor (fn [{:keys [tx-data]}] (record-tx-metrics! tx-data)))"));
    }
}
