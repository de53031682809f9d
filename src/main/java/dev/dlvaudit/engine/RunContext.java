package dev.dlvaudit.engine;

import dev.dlvaudit.api.CheckContext;
import dev.dlvaudit.api.Settings;
import dev.dlvaudit.api.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** The context one check (or fact provider) runs in. */
final class RunContext implements CheckContext {
    private final Path hostRoot;
    private final Target target;
    private final FactStore facts;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, String> env;

    RunContext(Path hostRoot, Target target, FactStore facts, Settings settings, Clock clock, Map<String, String> env) {
        this.hostRoot = hostRoot;
        this.target = target;
        this.facts = facts;
        this.settings = settings;
        this.clock = clock;
        this.env = env;
    }

    @Override
    public Path hostRoot() {
        return hostRoot;
    }

    @Override
    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    @Override
    public <T> T fact(Class<T> type) {
        return facts.get(type, this);
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name));
    }
}
