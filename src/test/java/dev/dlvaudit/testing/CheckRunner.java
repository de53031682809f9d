package dev.dlvaudit.testing;

import dev.dlvaudit.api.Check;
import dev.dlvaudit.api.Target;
import dev.dlvaudit.engine.CheckCatalog;
import dev.dlvaudit.engine.Engine;
import dev.dlvaudit.engine.FactStore;
import dev.dlvaudit.engine.Policy;
import dev.dlvaudit.engine.Result;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs one check through the real engine and fact providers, against a fake host root. */
public final class CheckRunner {
    private final Path hostRoot;
    private Policy policy = Policy.none();
    private Clock clock = Clock.systemUTC();
    private Map<String, String> env = Map.of();
    private final java.util.List<dev.dlvaudit.api.FactProvider<?>> providers = new java.util.ArrayList<>();

    public CheckRunner(Path hostRoot) {
        this.hostRoot = hostRoot;
    }

    public CheckRunner policy(Policy policy) {
        this.policy = policy;
        return this;
    }

    public CheckRunner clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public CheckRunner env(Map<String, String> env) {
        this.env = env;
        return this;
    }

    /** Replaces the provider of one fact type (synthetic facts). */
    public CheckRunner with(dev.dlvaudit.api.FactProvider<?> provider) {
        providers.add(provider);
        return this;
    }

    public List<Result> run(Check check, Target... targets) {
        CheckCatalog catalog = new CheckCatalog();
        catalog.add(check, CheckCatalog.BUILT_IN);
        FactStore facts = FactStore.fromServiceLoader(CheckRunner.class.getClassLoader());
        providers.forEach(facts::with);
        Engine engine = new Engine(facts, policy, hostRoot, clock, env, Duration.ofSeconds(10));
        return engine.run(catalog.all(), List.of(targets));
    }

    /** The single result of a check; fails if there is not exactly one. */
    public Result one(Check check, Target... targets) {
        List<Result> results = run(check, targets);
        if (results.size() != 1) {
            throw new AssertionError("expected one result, got " + results);
        }
        return results.get(0);
    }
}
