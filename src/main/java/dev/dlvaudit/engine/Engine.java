package dev.dlvaudit.engine;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.Finding;
import dev.dlvaudit.api.Scope;
import dev.dlvaudit.api.Severity;
import dev.dlvaudit.api.Status;
import dev.dlvaudit.api.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs checks: host checks once, database checks once per target, each on its own daemon
 * thread with a time limit, so that one check's exception or hang becomes that check's ERROR
 * and the others still run. Applies the policy's severities and waivers to what they find.
 */
public final class Engine {
    private final FactStore facts;
    private final Policy policy;
    private final Path hostRoot;
    private final Clock clock;
    private final Map<String, String> env;
    private final Duration timeout;
    private Consumer<String> progress = s -> { };

    public Engine(FactStore facts, Policy policy, Path hostRoot, Clock clock, Map<String, String> env, Duration timeout) {
        this.facts = facts;
        this.policy = policy;
        this.hostRoot = hostRoot;
        this.clock = clock;
        this.env = env;
        this.timeout = timeout;
    }

    /** Called with a short description before each check runs (the progress line). */
    public Engine onProgress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    public List<Result> run(List<LoadedCheck> checks, List<Target> targets) {
        List<Result> results = new ArrayList<>();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dlv-audit-check");
            t.setDaemon(true);
            return t;
        });
        try {
            results.addAll(runBatch(pool, checks.stream().filter(c -> c.spec().scope() == Scope.HOST).toList(), null));
            List<LoadedCheck> perDatabase = checks.stream().filter(c -> c.spec().scope() == Scope.DATABASE).toList();
            if (targets.isEmpty()) {
                for (LoadedCheck check : perDatabase) {
                    results.add(build(check, null, Finding.skip("no database directory given"), 0));
                }
            }
            for (Target target : targets) {
                results.addAll(runBatch(pool, perDatabase, target));
            }
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /**
     * Runs the checks of one target (or of the host) at the same time, each on its own thread, and
     * collects them in order; each gets the full time limit from the moment they all started.
     */
    private List<Result> runBatch(ExecutorService pool, List<LoadedCheck> batch, Target target) {
        List<Future<List<Finding>>> futures = new ArrayList<>();
        long[] took = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            LoadedCheck check = batch.get(i);
            progress.accept(check.id() + (target == null ? "" : " " + target.label()));
            CheckContext context = new RunContext(hostRoot, target, facts, policy.settingsFor(check.id()), clock, env);
            int slot = i;
            futures.add(pool.submit(() -> {
                long start = System.nanoTime();
                try {
                    return check.check().evaluate(context);
                } finally {
                    took[slot] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
            }));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            List<Finding> findings = await(futures.get(i), deadline);
            // written before the future completed, so visible after await; 0 when it was stopped
            long millis = took[i] > 0 ? took[i] : timeout.toMillis();
            for (Finding f : findings) {
                results.add(build(batch.get(i), target, f, millis));
            }
        }
        return results;
    }

    private List<Finding> await(Future<List<Finding>> future, long deadline) {
        try {
            List<Finding> findings = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return findings == null || findings.isEmpty()
                    ? List.of(Finding.error("the check returned no finding")) : findings;
        } catch (TimeoutException e) {
            future.cancel(true);
            return List.of(Finding.error("the check did not finish within " + timeout.toSeconds()
                    + " s and was stopped"));
        } catch (ExecutionException e) {
            return List.of(Finding.error(describe(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(Finding.error("interrupted"));
        }
    }

    private Result build(LoadedCheck check, Target target, Finding finding, long millis) {
        Severity severity = policy.severityOf(check);
        Status status = finding.status();
        if (policy.severities().containsKey(check.id()) && (status == Status.WARN || status == Status.FAIL)) {
            status = severity.asStatus();
        }
        Result result = Result.of(check, severity, target == null ? Result.HOST : target.label(), finding, status, millis);
        return applyWaivers(result);
    }

    /**
     * A waiver that has not expired turns a WARN, FAIL or ERROR into WAIVED. An expired one no
     * longer applies: the result keeps its state and its message says the waiver expired.
     */
    private Result applyWaivers(Result result) {
        if (result.status() != Status.WARN && result.status() != Status.FAIL && result.status() != Status.ERROR) {
            return result;
        }
        LocalDate today = LocalDate.now(clock);
        List<Waiver> expired = new ArrayList<>();
        for (Waiver w : policy.waivers()) {
            if (!w.checkId().equals(result.checkId())
                    || (w.target() != null && !w.target().equals(result.target())
                            && !result.target().startsWith(w.target() + " ("))) { // a server root's "dir (name)"
                continue;
            }
            if (!w.expiredOn(today)) {
                return result.withWaiver(w.appliedTo(result.status()));
            }
            expired.add(w);
        }
        if (expired.isEmpty()) {
            return result;
        }
        StringBuilder message = new StringBuilder(result.message());
        for (Waiver w : expired) {
            message.append(" (waiver expired on ").append(w.expires())
                    .append(w.owner().isEmpty() ? "" : ", owner " + w.owner()).append(": ").append(w.reason()).append(')');
        }
        return new Result(result.checkId(), result.area(), result.title(), result.severity(), result.target(),
                result.status(), message.toString(), result.subject(), result.observed(), result.expected(),
                result.evidence(), result.fix(), result.durationMillis(), null);
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        if (t instanceof dev.dlvaudit.api.FactException || t instanceof IllegalArgumentException
                || t instanceof java.io.IOException) {
            return message;
        }
        return t.getClass().getSimpleName() + ": " + message;
    }
}
